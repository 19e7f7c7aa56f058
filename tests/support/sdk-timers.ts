/**
 * Waits out the timers the AWS SDK leaves behind: @smithy/node-http-handler arms, for each request, a one-second timer
 * that registers its connection timeout (DEFER_EVENT_LISTENER_TIME) and that a request cut short by the deadline never
 * clears. They end by themselves, but a jest worker still holding one when the run ends is "force exited" (seen after
 * the fault files and the report's deadline test, with getActiveResourcesInfo). Call from the afterAll of a test file
 * whose requests the deadline cuts short; it waits no CPU.
 */
export async function settleSdkTimers(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

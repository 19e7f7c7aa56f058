import { replayDialogs } from './replay-harness';

// The replays in three parts, so that jest runs them side by side (see replay-harness.ts).
replayDialogs(1, 3);

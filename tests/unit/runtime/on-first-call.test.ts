import { onFirstCall } from '../../../lambda/src/runtime/on-first-call';

interface Greeter {
  greet(name: string): Promise<string>;
  count(): Promise<number>;
}

function greeter(): Greeter & { calls: number } {
  return {
    calls: 0,
    async greet(name) {
      this.calls += 1;
      return `hello ${name}`;
    },
    async count() {
      return this.calls;
    },
  };
}

describe('onFirstCall', () => {
  it('loads nothing until a method is called', () => {
    // Prepare
    const load = jest.fn(async () => greeter());

    // Act
    const port = onFirstCall<Greeter>(load);
    void port.greet; // reading a method is not calling it

    // Assess
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once, then passes every call and its arguments to what it loaded', async () => {
    // Prepare
    const load = jest.fn(async () => greeter());
    const port = onFirstCall<Greeter>(load);

    // Act
    const [first, second] = await Promise.all([port.greet('ada'), port.greet('bob')]);
    const count = await port.count();

    // Assess
    expect([first, second, count]).toEqual(['hello ada', 'hello bob', 2]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('fails every call with the load error when loading fails', async () => {
    // Prepare
    const port = onFirstCall<Greeter>(async () => {
      throw new Error('Cannot find module ./aws-sdk.js');
    });

    // Act & Assess
    await expect(port.greet('ada')).rejects.toThrow('Cannot find module ./aws-sdk.js');
    await expect(port.count()).rejects.toThrow('Cannot find module ./aws-sdk.js');
  });

  it('is not mistaken for a promise when awaited', async () => {
    // Prepare
    const load = jest.fn(async () => greeter());
    const port = onFirstCall<Greeter>(load);

    // Act
    const awaited = await Promise.resolve(port);

    // Assess
    expect(awaited).toBe(port);
    expect(load).not.toHaveBeenCalled();
  });
});

/** A queue that runs async jobs one at a time, in order, so board commands never interleave. */
export class CommandQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** True when no job is queued or running. */
  get idle(): boolean {
    return this.#pending === 0;
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(job, job);
    this.#tail = result.then(
      () => this.#pending--,
      () => this.#pending--,
    );
    return result;
  }
}

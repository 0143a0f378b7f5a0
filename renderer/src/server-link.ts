/**
 * Whether the page can reach the app's services. In the desktop app it always can; in
 * web mode the WebSocket to the server can close (the server stopped, a tunnel broke),
 * and the UI must say so at once and keep unsaved work in the browser meanwhile.
 */
export type ServerLinkState = 'open' | 'lost';

type Listener = (state: ServerLinkState) => void;

class ServerLink {
  #state: ServerLinkState = 'open';
  #listeners = new Set<Listener>();

  get state(): ServerLinkState {
    return this.#state;
  }

  set(state: ServerLinkState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }

  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export const serverLink = new ServerLink();

/// <reference types="vite/client" />
/**
 * Monaco's language workers for the explorer, bundled by vite (`?worker`) as files of the hub's
 * own build. Written here rather than imported from `graphiql/setup-workers/vite`: vite's
 * dependency pre-bundling (the dev server) cannot load a `?worker` import from inside
 * `node_modules`, while in our own source vite's worker plugin handles it.
 */
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    switch (label) {
      case 'json':
        return new JsonWorker();
      case 'graphql':
        return new GraphQLWorker();
      default:
        return new EditorWorker();
    }
  },
};

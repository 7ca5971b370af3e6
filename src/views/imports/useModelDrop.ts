import { useEffect } from 'react';
import { useScene } from '../../store';
import { loadModelFiles } from './importStatus';
import { isDataFile, loadNumbersFile } from '../controls/numbersFile';

/** True when a drag carries files (not text or a link dragged within the page). */
function carriesFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

/**
 * Files dropped anywhere on the page: a data file (.csv, .tsv, .txt; the first one when
 * several) becomes the input's numbers, as "Open data file" does; model files load into
 * the first pane, as "Load model file" does (several at once for a model.json and its
 * shards). While files are dragged over the page, `data-dropping` on <html> lets the page
 * show where they will go.
 */
export function useModelDrop(): void {
  useEffect(() => {
    const root = document.documentElement;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      root.dataset.dropping = '';
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) delete root.dataset.dropping;
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      delete root.dataset.dropping;
      const files = [...(event.dataTransfer?.files ?? [])];
      const data = files.find((f) => isDataFile(f.name));
      if (data) void loadNumbersFile(data);
      const models = files.filter((f) => !isDataFile(f.name));
      const first = useScene.getState().panes[0];
      if (first && models.length > 0) void loadModelFiles(first.id, models);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      delete root.dataset.dropping;
    };
  }, []);
}

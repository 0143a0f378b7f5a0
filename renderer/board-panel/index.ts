/** The Board panel: the virtual board drawn, with parts to watch and touch. */
import './board-panel.css';

export { BoardPanel } from './board-panel';

import { installConsoleCapture } from './console-capture';

installConsoleCapture();

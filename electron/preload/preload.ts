import { contextBridge } from 'electron';
contextBridge.exposeInMainWorld('coldstart', {});

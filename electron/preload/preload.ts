import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';
import { API_KEY } from '../../shared/ipc/channels';

// Sandboxed preload: the renderer gets the named functions of the contract and nothing of Electron itself.
contextBridge.exposeInMainWorld(API_KEY, buildApi(ipcRenderer));

import { createContext } from 'react';
import { ConnectionStatus } from './connection';

export const ConnectionContext = createContext<ConnectionStatus>(new ConnectionStatus());

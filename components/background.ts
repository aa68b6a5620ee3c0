// The one way a view reaches the background: a BackgroundClient provided by the page's entry (tests provide theirs).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { backgroundClient, type BackgroundClient } from '@/utils/rpc/client';

export const BackgroundContext = createContext<BackgroundClient>(backgroundClient());

export function useBackground(): BackgroundClient {
  return useContext(BackgroundContext);
}

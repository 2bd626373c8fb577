// Sidecar places whose deck folder refuses writes, as a read-only folder does for a normal user.
// Tests run as root, where chmod does not stop writes, so the refusal is injected.

import { FileNotWritableError } from '../../electron/export/atomic-file';
import { atomicWrite, type SidecarPlaces } from '../../electron/sidecar/sidecar-places';

export function refusingPlaces(root: string, refused: (file: string) => boolean): SidecarPlaces {
  return {
    fallbackRoot: root,
    write: (file, text) => {
      if (refused(file)) throw new FileNotWritableError(file, 'read-only file system');
      atomicWrite(file, text);
    },
  };
}

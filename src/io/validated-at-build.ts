import validatedFiles from 'virtual:validated-atlas-files';
import type { ValidatedAtBuild } from '../domain/load-atlas';
import { fileDigest } from './file-digest';

/**
 * The atlas files the build validated (scripts/vite-plugin-atlas-data.ts), known by their digests:
 * the page takes a file it reads with one of these digests without running the validator. None in
 * development and in a build that does not validate, where every file is validated.
 */
export const VALIDATED_AT_BUILD: ValidatedAtBuild = { files: validatedFiles, digest: fileDigest };

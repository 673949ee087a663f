/**
 * zod/mini ships without message texts ("Invalid input" for everything);
 * the full `zod` import loaded English ones. Settings and profile validation
 * show zod's default message where a schema gives none (e.g. "Invalid option:
 * expected one of …"), so the host loads the English locale once — about
 * 5 KB instead of the 450 KB full import. Import this module for its effect.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

/* cx-i18n.c — the translations, for the programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cxplan and cxplan-tool (and its export helper) bind the same catalogue
 * the same way.
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "cx-i18n.h"

/**
 * cx_i18n_init:
 *
 * Takes the locale from the environment and binds the program's
 * translations: CXPLAN_LOCALEDIR's, which points an uninstalled run (and
 * the tests) at a build tree's catalogues, _build/po; else the installed
 * ones in CX_LOCALEDIR.
 */
void
cx_i18n_init (void)
{
  const char *localedir = g_getenv ("CXPLAN_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir == NULL || *localedir == '\0')
    localedir = CX_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

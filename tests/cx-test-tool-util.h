/* cx-test-tool-util.h — running cxplan-tool in a folder of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fixture with a temporary folder; run() starts the built tool there
 * (relative file names, LC_ALL=C) and keeps what it printed and its exit
 * status.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *out;
  char *err;
  int   status;
} Fixture;

void   fixture_set_up    (Fixture       *f,
                          gconstpointer  data);
void   fixture_tear_down (Fixture       *f,
                          gconstpointer  data);
/* Writes a file into the fixture's folder: returns its path */
char  *put_file          (Fixture       *f,
                          const char    *name,
                          const char    *contents);
/* Runs cxplan-tool with the arguments, up to a NULL */
void   run               (Fixture       *f,
                          const char    *first_arg,
                          ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

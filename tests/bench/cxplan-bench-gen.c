/* cxplan-bench-gen.c — writes a generated plan of N steps to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   cxplan-bench-gen N OUT [SEED]
 *
 * OUT "-" writes to standard output.
 */

#define G_LOG_DOMAIN "cx-bench"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cx-bench-gen.h"

#define DEFAULT_SEED 20261122u

static gboolean
parse_unsigned (const char *text,
                guint64     max,
                guint64    *value)
{
  g_autoptr(GError) error = NULL;

  return g_ascii_string_to_unsigned (text, 10, 0, max, value, &error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint64 n_steps;
  guint64 seed = DEFAULT_SEED;

  if (argc < 3 || argc > 4
      || !parse_unsigned (argv[1], 10000000, &n_steps)
      || (argc == 4 && !parse_unsigned (argv[3], G_MAXUINT32, &seed)))
    {
      g_printerr ("Usage: cxplan-bench-gen N OUT [SEED]\n"
                  "Writes a realistic plan of N steps (at most 10000000) to OUT "
                  "(\"-\": standard output).\n");
      return 64;
    }

  text = cx_bench_generate_plan ((guint) n_steps, (guint32) seed);

  if (strcmp (argv[2], "-") == 0)
    {
      if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
        {
          g_printerr ("cxplan-bench-gen: cannot write: %s\n", g_strerror (errno));
          return 1;
        }
      return 0;
    }

  if (!g_file_set_contents (argv[2], text, -1, &error))
    {
      g_printerr ("cxplan-bench-gen: %s\n", error->message);
      return 1;
    }

  return 0;
}

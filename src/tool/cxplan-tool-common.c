/* cxplan-tool-common.c — what cxplan-tool and its export helper share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cxplan-tool"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>

#include "cx-plan-io.h"

#include "cxplan-tool-private.h"

const char *program_name = "cxplan-tool";

int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", program_name, message);
  g_printerr (_("Try “%s --help” for more information.\n"), program_name);
  return EXIT_USAGE;
}

/* A file given on the command line; "-" is standard input */
CxPlan *
load_plan (const char  *path,
           gboolean     quiet_warnings)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CxDiagnostic) refusal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;

  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) bytes = NULL;

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error) < 0)
        {
          g_printerr ("%s:0: error: %s\n", path, error->message);
          return NULL;
        }
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      plan = cx_plan_read_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     path, &warnings, &refusal, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      plan = cx_plan_read_from_file (file, &warnings, &refusal, NULL, &error);
    }

  if (plan == NULL)
    {
      g_printerr ("%s:%u: error: %s\n", path, refusal->line, refusal->message);
      return NULL;
    }

  for (guint i = 0; !quiet_warnings && i < warnings->len; i++)
    {
      const CxDiagnostic *warning = g_ptr_array_index (warnings, i);

      g_printerr ("%s:%u: warning: %s\n", path, warning->line, warning->message);
    }

  return g_steal_pointer (&plan);
}

/* fuzz-reader.c — libFuzzer target for the .cxplan reader, checks and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input; when it is accepted, checks it, writes it, reads the
 * written bytes back and writes them again. Besides what the sanitizers
 * catch, three things are bugs and abort:
 *
 *  - a refusal without a GError (or a plan with one);
 *  - the writer's output refused by the reader;
 *  - writing the re-read plan giving other bytes (the round trip must be
 *    a fixed point: "the same plan always serialises to the same bytes");
 *
 * and so is any warning or critical logged on the way. Run it through
 * run-fuzz.sh, which sets G_SLICE=always-malloc so that AddressSanitizer
 * sees every GObject allocation.
 */

#define G_LOG_DOMAIN "cx-fuzz"

#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cx-check.h"
#include "cx-plan-io.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Debug output, info and messages are noise at millions of runs a minute;
 * a warning or a critical is a bug, so it is printed and aborts. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
static void
fail (const char *format,
      ...)
{
  va_list args;

  fputs ("fuzz-reader: ", stderr);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

/* Shows where two writes first differ, a line of each, before failing. */
G_GNUC_NORETURN
static void
fail_not_fixed_point (GBytes *first,
                      GBytes *second)
{
  gsize first_length;
  gsize second_length;
  const char *a = g_bytes_get_data (first, &first_length);
  const char *b = g_bytes_get_data (second, &second_length);
  gsize line_start = 0;
  guint line = 1;
  gsize i;

  for (i = 0; i < MIN (first_length, second_length) && a[i] == b[i]; i++)
    {
      if (a[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  fprintf (stderr,
           "fuzz-reader: round trip: the written plan, read back and written again, "
           "gives other bytes (%" G_GSIZE_FORMAT " then %" G_GSIZE_FORMAT " bytes), "
           "from line %u:\n",
           first_length, second_length, line);
  for (guint k = 0; k < 2; k++)
    {
      const char *text = k == 0 ? a : b;
      gsize length = k == 0 ? first_length : second_length;
      gsize end = line_start;

      while (end < length && text[end] != '\n')
        end++;
      /* line_start is at most the shorter length: the lines agree up to it */
      fprintf (stderr, "  %s: %.*s\n", k == 0 ? "first " : "second",
               (int) MIN (end - line_start, 400), text + line_start);
    }
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(CxPlan) reread = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CxDiagnostic) refusal = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;
  const char *written_data;
  gsize written_length;

  plan = cx_plan_read_from_data ((const char *) data, size, "fuzz.cxplan",
                                 &warnings, &refusal, NULL, &error);
  if (plan == NULL)
    {
      if (error == NULL || refusal == NULL || refusal->message == NULL)
        fail ("a refused input came without a GError or a refusal");
      return 0;
    }
  if (error != NULL)
    fail ("a plan was read and a GError set: %s", error->message);
  if (warnings == NULL)
    fail ("a plan was read without its array of warnings");

  findings = cx_check_plan (plan);
  if (findings == NULL)
    fail ("cx_check_plan returned NULL");

  written = cx_plan_to_bytes (plan);
  written_data = g_bytes_get_data (written, &written_length);

  reread = cx_plan_read_from_data (written_data, written_length, "fuzz-written.cxplan",
                                   NULL, NULL, NULL, &error);
  if (reread == NULL)
    fail ("round trip: the writer's output is refused: %s",
          error != NULL ? error->message : "(no GError)");

  rewritten = cx_plan_to_bytes (reread);
  if (!g_bytes_equal (written, rewritten))
    fail_not_fixed_point (written, rewritten);

  return 0;
}

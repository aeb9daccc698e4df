/* cx-check-format.c — the messages of the checks, and their findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A finding's message is its translated template with the arguments put
 * in. printf costs some 2,000 instructions a message; the templates hold
 * only %s, %d, %u and %%, which come out the same copied piece by piece.
 */

#define G_LOG_DOMAIN "cx-check"

#include "config.h"

#include <string.h>

#include "cx-check-private.h"

/* A message as the pieces of its template and of its arguments. Anything
 * but %s, %d, %u and %% (a width, a flag, a positional argument a
 * translator may one day write) goes to printf, which then gets every
 * argument afresh. */
#define PIECES_MAX 24
#define NUMBERS_MAX 8

typedef struct
{
  guint       n;
  gsize       total;
  const char *text[PIECES_MAX];
  gsize       len[PIECES_MAX];
  char        numbers[NUMBERS_MAX][12];  /* "-2147483648" and its NUL */
} Pieces;

/* Writes @value in decimal at the end of @buffer (12 bytes); returns its start */
static const char *
format_number (char     *buffer,
               gboolean  negative,
               guint     value)
{
  char *p = buffer + 11;

  *p = '\0';
  do
    *--p = (char) ('0' + value % 10);
  while ((value /= 10) != 0);
  if (negative)
    *--p = '-';

  return p;
}

static void
pieces_add (Pieces     *pieces,
            const char *text,
            gsize       len)
{
  pieces->text[pieces->n] = text;
  pieces->len[pieces->n] = len;
  pieces->n++;
  pieces->total += len;
}

/* FALSE, with some of @args taken, for a template printf must format */
static gboolean
pieces_parse (Pieces     *pieces,
              const char *format,
              va_list     args)
{
  guint n_numbers = 0;
  const char *p = format;

  pieces->n = 0;
  pieces->total = 0;
  while (*p != '\0')
    {
      const char *percent = strchr (p, '%');
      const char *text;

      /* A literal run and a conversion at most: room for both */
      if (pieces->n + 2 > PIECES_MAX)
        return FALSE;
      if (percent == NULL)
        {
          pieces_add (pieces, p, strlen (p));
          break;
        }
      if (percent > p)
        pieces_add (pieces, p, percent - p);

      switch (percent[1])
        {
        case '%':
          pieces_add (pieces, percent, 1);
          break;
        case 's':
          text = va_arg (args, const char *);
          /* As glibc's printf has it */
          if (text == NULL)
            text = "(null)";
          pieces_add (pieces, text, strlen (text));
          break;
        case 'd':
        case 'u':
          {
            guint value;
            gboolean negative = FALSE;

            if (n_numbers == NUMBERS_MAX)
              return FALSE;
            if (percent[1] == 'd')
              {
                int number = va_arg (args, int);

                negative = number < 0;
                /* In unsigned arithmetic, so that G_MININT negates too */
                value = negative ? 0u - (guint) number : (guint) number;
              }
            else
              {
                value = va_arg (args, guint);
              }
            text = format_number (pieces->numbers[n_numbers++], negative, value);
            pieces_add (pieces, text, pieces->numbers[n_numbers - 1] + 11 - text);
          }
          break;
        default:
          return FALSE;
        }
      p = percent + 2;
    }

  return TRUE;
}

/* The pieces one after another at @p, which has room for them and a NUL */
static void
pieces_copy (const Pieces *pieces,
             char         *p)
{
  for (guint i = 0; i < pieces->n; i++)
    {
      memcpy (p, pieces->text[i], pieces->len[i]);
      p += pieces->len[i];
    }
  *p = '\0';
}

static char *
pieces_join (const Pieces *pieces)
{
  char *joined = g_malloc (pieces->total + 1);

  pieces_copy (pieces, joined);

  return joined;
}

char *
cx_check_format (const char *format,
                 ...)
{
  Pieces pieces;
  va_list args;
  va_list again;
  char *formatted;

  va_start (args, format);
  va_copy (again, args);
  if (pieces_parse (&pieces, format, args))
    formatted = pieces_join (&pieces);
  else
    formatted = g_strdup_vprintf (format, again);
  va_end (again);
  va_end (args);

  return formatted;
}

void
cx_check_append (GString    *string,
                 const char *format,
                 ...)
{
  Pieces pieces;
  va_list args;
  va_list again;

  va_start (args, format);
  va_copy (again, args);
  if (pieces_parse (&pieces, format, args))
    {
      gsize at = string->len;

      /* One growth for all the pieces (g_string_set_size() keeps the NUL) */
      g_string_set_size (string, at + pieces.total);
      pieces_copy (&pieces, string->str + at);
    }
  else
    {
      g_string_append_vprintf (string, format, again);
    }
  va_end (again);
  va_end (args);
}

void
cx_check_report (CheckRun   *run,
                 CxCheckId   check,
                 CxSeverity  severity,
                 const char *format,
                 ...)
{
  CxFinding *finding = g_new (CxFinding, 1);
  Pieces pieces;
  va_list args;
  va_list again;

  /* Every field set: here's, then the finding's own */
  *finding = run->here;
  finding->check = check;
  finding->severity = severity;
  finding->step_id = g_strdup (run->here.step_id);
  finding->failure_id = g_strdup (run->here.failure_id);
  finding->persona_id = g_strdup (run->here.persona_id);
  finding->accepted = FALSE;
  finding->reason = NULL;

  va_start (args, format);
  va_copy (again, args);
  if (pieces_parse (&pieces, format, args))
    finding->message = pieces_join (&pieces);
  else
    finding->message = g_strdup_vprintf (format, again);
  va_end (again);
  va_end (args);

  g_ptr_array_add (run->findings, finding);
}

/* cx-validate.c — what a plan may hold, checked once for the reader and for editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "cx-check.h"
#include "cx-format.h"
#include "cx-model.h"
#include "cx-plan-io.h"
#include "cx-validate.h"

G_GNUC_PRINTF (2, 3) static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CX_PLAN_ERROR, CX_PLAN_ERROR_INVALID, message);

  return FALSE;
}

/* The Char production of XML 1.0 */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * cx_validate_text:
 * @text: (nullable): a text for the plan
 * @error: a #GError
 *
 * Returns: %TRUE if a plan file can hold @text as it is
 */
gboolean
cx_validate_text (const char  *text,
                  GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("the text is not valid UTF-8"));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_xml_char (c))
        return invalid (error, _("the text holds the control character U+%04X, "
                                 "which a plan file cannot store"), c);
    }

  return TRUE;
}

gboolean
cx_validate_id (const char  *id,
                GError     **error)
{
  if (id == NULL || *id == '\0')
    return invalid (error, _("an id cannot be empty"));

  if (xmlValidateNCName ((const xmlChar *) id, 0) != 0)
    return invalid (error, _("'%s' is not a valid name (letters, digits, '-', '_' and '.', "
                             "not starting with a digit)"), id);

  return TRUE;
}

/**
 * cx_validate_date_time:
 * @text: (nullable): a date and time
 * @error: a #GError
 *
 * The format's dates are ISO 8601 in UTC, to the second or finer, with a
 * 'Z': 2026-11-22T10:00:00Z.
 *
 * Returns: %TRUE if @text is such a date, or %NULL
 */
gboolean
cx_validate_date_time (const char  *text,
                       GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  static const char shape[] = "dddd-dd-ddTdd:dd:dd";
  const char *p = text;

  if (text == NULL)
    return TRUE;

  for (guint i = 0; shape[i] != '\0'; i++, p++)
    {
      if (shape[i] == 'd' ? !g_ascii_isdigit (*p) : *p != shape[i])
        goto bad;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        goto bad;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (p[0] != 'Z' || p[1] != '\0')
    goto bad;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed != NULL)
    return TRUE;

bad:
  return invalid (error, _("'%s' is not a date and time in UTC such as 2026-11-22T10:00:00Z"),
                  text);
}

gboolean
cx_validate_check_id_shape (const char *check)
{
  return check != NULL && strlen (check) == 5 && g_str_has_prefix (check, "CX") &&
         g_ascii_isdigit (check[2]) && g_ascii_isdigit (check[3]) && g_ascii_isdigit (check[4]);
}

gboolean
cx_validate_known_check (const char  *check,
                         GError     **error)
{
  if (!cx_validate_check_id_shape (check))
    return invalid (error, _("'%s' is not a check id: check ids are like CX005"),
                    check != NULL ? check : "");
  if (!cx_check_lookup (check, NULL))
    return invalid (error, _("there is no check %s"), check);

  return TRUE;
}

gboolean
cx_validate_level (int      level,
                   GError **error)
{
  if (level == 0 || (level >= CX_LEVEL_MIN && level <= CX_LEVEL_MAX))
    return TRUE;

  return invalid (error, _("level %d is out of range: levels run from %d to %d"),
                  level, CX_LEVEL_MIN, CX_LEVEL_MAX);
}

gboolean
cx_validate_emotion (int      value,
                     GError **error)
{
  if (value >= CX_EMOTION_MIN && value <= CX_EMOTION_MAX)
    return TRUE;

  return invalid (error, _("emotion %d is out of range: it runs from %d to +%d"),
                  value, CX_EMOTION_MIN, CX_EMOTION_MAX);
}

gboolean
cx_validate_score (int      score,
                   GError **error)
{
  if (score >= CX_SCORE_MIN && score <= CX_SCORE_MAX)
    return TRUE;

  return invalid (error, _("score %d is out of range: scores run from %d to %d"),
                  score, CX_SCORE_MIN, CX_SCORE_MAX);
}

gboolean
cx_validate_threshold (const char  *name,
                       int          value,
                       GError     **error)
{
  const CxThresholdInfo *info = name != NULL ? cx_threshold_info_lookup (name, NULL) : NULL;

  if (info == NULL)
    return invalid (error, _("there is no threshold '%s'"), name != NULL ? name : "");
  if (value < info->min || value > info->max)
    return invalid (error, _("%d is out of range for '%s': it runs from %d to %d"),
                    value, info->name, info->min, info->max);

  return TRUE;
}

/**
 * cx_validate_accept:
 * @check: the check id of the accepted finding
 * @ref: (nullable): the step, failure or persona it is flagged at
 * @phase: the phase it is flagged at, or %CX_ACCEPT_NO_PHASE
 * @reason: (nullable): why it is accepted
 * @error: a #GError
 *
 * An accept names a check (known to this version or not: a newer one's
 * is kept), exactly one of a reference and a phase, and a reason that
 * says something: a reason of white space only is no reason.
 *
 * Returns: %TRUE if a plan may hold this accept
 */
gboolean
cx_validate_accept (const char  *check,
                    const char  *ref,
                    int          phase,
                    const char  *reason,
                    GError     **error)
{
  gboolean has_phase = phase != CX_ACCEPT_NO_PHASE;

  if (!cx_validate_check_id_shape (check))
    return invalid (error, _("'%s' is not a check id: check ids are like CX005"),
                    check != NULL ? check : "");
  if (has_phase && (phase < CX_PHASE_BEFORE || phase > CX_PHASE_RECOVERY))
    return invalid (error, _("%d is not a phase"), phase);
  if (ref != NULL && has_phase)
    return invalid (error, _("an accept names either the element flagged ('ref') or the "
                             "phase flagged ('phase'), not both"));
  if (ref == NULL && !has_phase)
    return invalid (error, _("an accept must name the element flagged ('ref') or the "
                             "phase flagged ('phase')"));
  if (ref != NULL && *ref == '\0')
    return invalid (error, _("the 'ref' of an accept is empty: it names the step, failure "
                             "or persona whose finding is accepted"));
  if (!cx_validate_text (ref, error) || !cx_validate_text (reason, error))
    return FALSE;
  if (reason == NULL || reason[strspn (reason, " \t\r\n")] == '\0')
    return invalid (error, _("the reason of an accept is empty: say why the finding "
                             "is accepted"));

  return TRUE;
}

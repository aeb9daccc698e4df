/* cxplan-tool-check.c — `cxplan-tool check`: the findings of plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text, one finding a line as compilers print them; JSON; or one SARIF
 * log (cxplan-tool-sarif.c). Accepted findings are counted apart, left
 * out of the text unless --show-accepted, and never make --fail-on fail.
 */

#define G_LOG_DOMAIN "cxplan-tool"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-check.h"
#include "cx-enum-types.h"
#include "cxplan-tool-private.h"

typedef enum
{
  FAIL_ON_INFO = CX_SEVERITY_INFO,
  FAIL_ON_WARNING = CX_SEVERITY_WARNING,
  FAIL_ON_ERROR = CX_SEVERITY_ERROR,
  FAIL_ON_NEVER,
} FailOn;

/* The bytes a JSON string cannot hold as they are */
static const guint8 json_escaped[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ['"'] = 1, ['\\'] = 1,
};

/* g_string_append_len() without its checks for overlap and negative
 * lengths: a few times cheaper, for the dozens of pieces of each finding */
static inline void
put (GString    *out,
     const char *bytes,
     gsize       length)
{
  gsize at = out->len;

  g_string_set_size (out, at + length);
  memcpy (out->str + at, bytes, length);
}

#define PUT(out, literal) put ((out), "" literal, sizeof (literal) - 1)

/* Appends @text quoted as a JSON string. The runs between the characters
 * to escape go in with one copy each: a check of 10,000 steps writes
 * megabytes of messages. */
void
json_string (GString    *out,
             const char *text)
{
  const guchar *run, *p;

  if (text == NULL)
    {
      PUT (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (run = p = (const guchar *) text;; p++)
    {
      while (!json_escaped[*p])
        p++;

      if (p > run)
        put (out, (const char *) run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '\0': g_string_append_c (out, '"'); return;
        case '"': PUT (out, "\\\""); break;
        case '\\': PUT (out, "\\\\"); break;
        case '\n': PUT (out, "\\n"); break;
        case '\r': PUT (out, "\\r"); break;
        case '\t': PUT (out, "\\t"); break;
        case '\b': PUT (out, "\\b"); break;
        case '\f': PUT (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", *p); break;
        }
    }
}

/* Appends @n in decimal: printf's machinery, for the line of each of
 * thousands of findings, costs more than the rest of the line */
void
append_uint (GString *out,
             guint    n)
{
  char digits[16];
  gsize i = sizeof digits;

  do
    {
      digits[--i] = '0' + n % 10;
      n /= 10;
    }
  while (n > 0);
  put (out, digits + i, sizeof digits - i);
}

static const char *
severity_name (CxSeverity severity)
{
  return cx_enum_to_nick (CX_TYPE_SEVERITY, severity);
}

static void
append_count (GString    *line,
              const char *counted)
{
  if (line->len > 0)
    g_string_append (line, ", ");
  g_string_append (line, counted);
}

static void
print_summary (const char *path,
               GPtrArray  *findings)
{
  guint counts[3];
  guint n_accepted = 0;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *infos = NULL;
  g_autofree char *accepted = NULL;

  cx_findings_count_full (findings, counts, &n_accepted);

  errors = g_strdup_printf (ngettext ("%u error", "%u errors", counts[CX_SEVERITY_ERROR]),
                            counts[CX_SEVERITY_ERROR]);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                        counts[CX_SEVERITY_WARNING]),
                              counts[CX_SEVERITY_WARNING]);
  /* Translators: "info" findings, uncounted noun in English */
  infos = g_strdup_printf (ngettext ("%u info", "%u info", counts[CX_SEVERITY_INFO]),
                           counts[CX_SEVERITY_INFO]);
  /* Translators: findings the plan accepts, with a reason */
  accepted = g_strdup_printf (ngettext ("%u accepted", "%u accepted", n_accepted), n_accepted);

  if (counts[CX_SEVERITY_ERROR] > 0)
    append_count (line, errors);
  if (counts[CX_SEVERITY_WARNING] > 0)
    append_count (line, warnings);
  if (counts[CX_SEVERITY_INFO] > 0)
    append_count (line, infos);
  if (n_accepted > 0)
    append_count (line, accepted);
  if (line->len == 0)
    g_string_append (line, _("no findings"));

  g_printerr ("%s: %s\n", path, line->str);
}

static void
append_json_file (GString    *json,
                  const char *path,
                  GPtrArray  *findings)
{
  if (json->len > 1)
    PUT (json, ",\n ");
  PUT (json, "{\"file\": ");
  json_string (json, path);
  PUT (json, ",\n  \"findings\": [");

  for (guint i = 0; i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);
      const CxCheckInfo *info = cx_check_info (finding->check);

      if (i > 0)
        PUT (json, ",\n               ");
      PUT (json, "{\"check\": ");
      json_string (json, info->id);
      PUT (json, ", \"name\": ");
      json_string (json, info->name);
      PUT (json, ", \"severity\": ");
      json_string (json, severity_name (finding->severity));
      PUT (json, ", \"line\": ");
      append_uint (json, finding->line);
      PUT (json, ", \"step\": ");
      json_string (json, finding->step_id);
      PUT (json, ", \"failure\": ");
      json_string (json, finding->failure_id);
      PUT (json, ", \"message\": ");
      json_string (json, finding->message);
      g_string_append (json, finding->accepted ? ", \"accepted\": true, \"reason\": "
                                               : ", \"accepted\": false, \"reason\": ");
      json_string (json, finding->accepted ? finding->reason : NULL);
      PUT (json, "}");
    }

  PUT (json, "]}");
}

/* One write for all the lines: g_print() per line would convert and lock
 * for each of thousands of findings */
static void
print_text (const char *path,
            GPtrArray  *findings,
            gboolean    show_accepted)
{
  g_autoptr(GString) out = g_string_sized_new (findings->len * 128);

  for (guint i = 0; i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);

      if (finding->accepted && !show_accepted)
        continue;
      g_string_append (out, path);
      g_string_append_c (out, ':');
      append_uint (out, finding->line);
      PUT (out, ": ");
      g_string_append (out, finding->accepted ? "accepted" : severity_name (finding->severity));
      PUT (out, ": ");
      g_string_append (out, finding->message);
      PUT (out, " [");
      g_string_append (out, cx_check_info (finding->check)->id);
      PUT (out, "]\n");
    }
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);

  print_summary (path, findings);
}

/* The plan and findings of the last file are left to the end of the
 * process, which frees them at once: freeing 10,000 steps one by one takes
 * a tenth of a whole check. They stay reachable, so leak checkers do not
 * count them. */
static CxPlan    *last_plan;
static GPtrArray *last_findings;

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_SARIF,
} Format;

int
cmd_check (int    argc,
           char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *fail_on_text = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = NULL;
  g_autoptr(GArray) checked = NULL;
  gboolean show_accepted = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output form: text, json or sarif"), N_("FORMAT") },
    { "fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on_text,
      N_("Exit 1 when a finding that is not accepted is at or above: error, warning, info "
         "or never"), N_("SEVERITY") },
    { "show-accepted", 0, 0, G_OPTION_ARG_NONE, &show_accepted,
      N_("List accepted findings too, marked “accepted:” (text output)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  Format format = FORMAT_TEXT;
  FailOn fail_on = FAIL_ON_ERROR;
  gboolean refused = FALSE;
  gboolean failed = FALSE;

  context = g_option_context_new (_("— run the checks on plans"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);

  if (format_text == NULL || strcmp (format_text, "text") == 0)
    format = FORMAT_TEXT;
  else if (strcmp (format_text, "json") == 0)
    format = FORMAT_JSON;
  else if (strcmp (format_text, "sarif") == 0)
    format = FORMAT_SARIF;
  else
    return usage_error (_("unknown format “%s”: use text, json or sarif"), format_text);

  if (fail_on_text == NULL || strcmp (fail_on_text, "error") == 0)
    fail_on = FAIL_ON_ERROR;
  else if (strcmp (fail_on_text, "warning") == 0)
    fail_on = FAIL_ON_WARNING;
  else if (strcmp (fail_on_text, "info") == 0)
    fail_on = FAIL_ON_INFO;
  else if (strcmp (fail_on_text, "never") == 0)
    fail_on = FAIL_ON_NEVER;
  else
    return usage_error (_("unknown severity “%s” for --fail-on: use error, warning, info or never"),
                        fail_on_text);

  if (files == NULL || files[0] == NULL)
    return usage_error (_("check needs at least one FILE"));

  json = g_string_new ("[");
  checked = g_array_new (FALSE, FALSE, sizeof (CheckedFile));

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autoptr(CxPlan) plan = load_plan (files[f], format != FORMAT_TEXT);
      g_autoptr(GPtrArray) findings = NULL;

      if (plan == NULL)
        {
          refused = TRUE;
          continue;
        }

      findings = cx_check_plan (plan);

      for (guint i = 0; i < findings->len; i++)
        {
          const CxFinding *finding = g_ptr_array_index (findings, i);

          if (!finding->accepted && fail_on != FAIL_ON_NEVER &&
              finding->severity >= (CxSeverity) fail_on)
            failed = TRUE;
        }

      if (format == FORMAT_TEXT)
        print_text (files[f], findings, show_accepted);
      else if (format == FORMAT_JSON)
        append_json_file (json, files[f], findings);
      else
        {
          CheckedFile file = { files[f], g_ptr_array_ref (findings) };

          g_array_append_val (checked, file);
        }

      if (files[f + 1] == NULL)
        {
          last_plan = g_steal_pointer (&plan);
          last_findings = g_steal_pointer (&findings);
        }
    }

  if (format == FORMAT_JSON)
    {
      g_string_append (json, "]\n");
      fputs (json->str, stdout);
    }
  else if (format == FORMAT_SARIF)
    {
      g_autofree char *log = sarif_log ((CheckedFile *) (gpointer) checked->data, checked->len);

      fputs (log, stdout);
    }

  for (guint i = 0; i < checked->len; i++)
    g_ptr_array_unref (g_array_index (checked, CheckedFile, i).findings);

  if (refused)
    return EXIT_REFUSED;
  return failed ? EXIT_FINDINGS : EXIT_SUCCESS;
}

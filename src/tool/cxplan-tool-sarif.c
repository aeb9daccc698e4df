/* cxplan-tool-sarif.c — findings as one SARIF 2.1.0 log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * So that code-review tools that show static-analysis results show a
 * plan's findings on the lines of a pull request (checks.md): one run,
 * the driver cxplan-tool with a rule for every check (descriptions from
 * the explain texts), one result per finding at the file as given on the
 * command line (a relative URI; see path_to_uri() for an absolute path),
 * accepted findings with an in-source suppression and the
 * accept's reason. A finding at a line of 0 (an element made since the
 * plan was read, which a file given here never has) carries no region:
 * SARIF wants startLine ≥ 1, and a location without a region stands for
 * the whole file.
 *
 * Written by hand like the JSON form, every string through json_string();
 * the test suite runs Microsoft's SARIF validator on the result.
 */

#define G_LOG_DOMAIN "cxplan-tool"

#include "config.h"

#include <string.h>

#include "cx-check.h"
#include "cxplan-tool-private.h"

#define SARIF_SCHEMA   "https://json.schemastore.org/sarif-2.1.0.json"
#define CX_HOMEPAGE    "https://github.com/cxplan/planner"

static const char *
sarif_level (CxSeverity severity)
{
  switch (severity)
    {
    case CX_SEVERITY_ERROR:
      return "error";
    case CX_SEVERITY_WARNING:
      return "warning";
    case CX_SEVERITY_INFO:
    default:
      return "note";
    }
}

/* The file as given on the command line, as a URI: a relative path is
 * a relative reference with every byte but the unreserved ones and '/'
 * percent-encoded (spaces, '%', '#', '?', ':' — which would otherwise
 * read as a scheme — and each byte of a non-ASCII name). An absolute
 * path cannot be a relative reference that combines with a base (the
 * validator refuses one that starts with '/'): it becomes a file: URI. */
static char *
path_to_uri (const char *path)
{
  if (g_path_is_absolute (path))
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

      if (uri != NULL)
        return g_steal_pointer (&uri);
    }

  return g_uri_escape_string (path, "/", FALSE);
}

static void
append_rules (GString *out)
{
  g_string_append (out, "          \"rules\": [");
  for (guint c = 0; c < CX_N_CHECKS; c++)
    {
      const CxCheckInfo *info = cx_check_info (c);
      CxCheckExplanation texts;
      g_autofree char *full = NULL;
      g_autofree char *help = NULL;

      cx_check_explain (c, &texts);
      full = g_strconcat (texts.rule, " ", texts.why, NULL);
      help = g_strconcat (texts.answer, " ", texts.source, NULL);

      g_string_append (out, c > 0 ? ",\n            {" : "\n            {");
      g_string_append (out, "\"id\": ");
      json_string (out, info->id);
      g_string_append (out, ", \"name\": ");
      json_string (out, info->name);
      g_string_append (out, ",\n             \"shortDescription\": {\"text\": ");
      json_string (out, texts.summary);
      g_string_append (out, "},\n             \"fullDescription\": {\"text\": ");
      json_string (out, full);
      g_string_append (out, "},\n             \"help\": {\"text\": ");
      json_string (out, help);
      g_string_append (out, "},\n             \"defaultConfiguration\": {\"level\": ");
      json_string (out, sarif_level (info->severity));
      g_string_append (out, "}}");
    }
  g_string_append (out, "\n          ]");
}

static void
append_result (GString         *out,
               const char      *uri,
               const CxFinding *finding)
{
  g_string_append (out, "{\"ruleId\": ");
  json_string (out, cx_check_info (finding->check)->id);
  g_string_append (out, ", \"ruleIndex\": ");
  append_uint (out, finding->check);
  g_string_append (out, ", \"level\": ");
  json_string (out, sarif_level (finding->severity));
  g_string_append (out, ",\n         \"message\": {\"text\": ");
  json_string (out, finding->message);
  g_string_append (out, "},\n         \"locations\": [{\"physicalLocation\": "
                   "{\"artifactLocation\": {\"uri\": ");
  json_string (out, uri);
  g_string_append (out, "}");
  if (finding->line > 0)
    {
      g_string_append (out, ", \"region\": {\"startLine\": ");
      append_uint (out, finding->line);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "}}]");

  if (finding->accepted)
    {
      g_string_append (out, ",\n         \"suppressions\": [{\"kind\": \"inSource\", "
                       "\"justification\": ");
      json_string (out, finding->reason);
      g_string_append (out, "}]");
    }

  g_string_append (out, "}");
}

/**
 * sarif_log:
 * @files: (array length=n_files): the files checked, with their findings
 * @n_files: how many
 *
 * Returns: (transfer full): the SARIF log, with a final newline
 */
char *
sarif_log (const CheckedFile *files,
           guint              n_files)
{
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append (out, "{\"$schema\": \"" SARIF_SCHEMA "\",\n"
                        " \"version\": \"2.1.0\",\n"
                        " \"runs\": [\n"
                        "  {\"tool\": {\n"
                        "     \"driver\": {\n"
                        "          \"name\": \"cxplan-tool\",\n"
                        "          \"version\": ");
  json_string (out, PACKAGE_VERSION);
  g_string_append (out, ",\n          \"informationUri\": \"" CX_HOMEPAGE "\",\n");
  append_rules (out);
  g_string_append (out, "}},\n   \"results\": [");

  for (guint f = 0; f < n_files; f++)
    {
      g_autofree char *uri = path_to_uri (files[f].path);

      for (guint i = 0; i < files[f].findings->len; i++)
        {
          g_string_append (out, first ? "\n        " : ",\n        ");
          append_result (out, uri, g_ptr_array_index (files[f].findings, i));
          first = FALSE;
        }
    }

  g_string_append (out, first ? "]}\n ]}\n" : "\n   ]}\n ]}\n");

  return g_string_free (out, FALSE);
}

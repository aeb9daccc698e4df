/* cxplan-tool-explain.c — `cxplan-tool explain [CHECK]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The texts are the core's (cx_check_explain()), the same the
 * application shows beside a finding; this only lays them out for a
 * terminal.
 */

#define G_LOG_DOMAIN "cxplan-tool"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-check.h"
#include "cx-enum-types.h"
#include "cxplan-tool-private.h"

/* Text wrapped at @width columns (counted in characters), each line
 * after @indent spaces */
static void
print_wrapped (const char *text,
               guint       indent,
               guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  guint line_chars = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint chars = g_utf8_strlen (words[i], -1);

      if (chars == 0)
        continue;
      if (line_chars > 0 && indent + line_chars + 1 + chars > width)
        {
          g_print ("%*s%s\n", (int) indent, "", line->str);
          g_string_truncate (line, 0);
          line_chars = 0;
        }
      if (line_chars > 0)
        {
          g_string_append_c (line, ' ');
          line_chars++;
        }
      g_string_append (line, words[i]);
      line_chars += chars;
    }
  if (line_chars > 0)
    g_print ("%*s%s\n", (int) indent, "", line->str);
}

/* "warning", or "warning / info" for a check with two severities */
static char *
severities (const CxCheckInfo *info)
{
  const char *high = cx_enum_to_nick (CX_TYPE_SEVERITY, info->severity);

  if (info->lowest == info->severity)
    return g_strdup (high);

  return g_strdup_printf ("%s / %s", high, cx_enum_to_nick (CX_TYPE_SEVERITY, info->lowest));
}

static void
print_list (void)
{
  for (guint c = 0; c < CX_N_CHECKS; c++)
    {
      const CxCheckInfo *info = cx_check_info (c);
      g_autofree char *severity = severities (info);
      CxCheckExplanation texts;

      cx_check_explain (c, &texts);
      g_print ("%s  %-27s %-15s %s\n", info->id, info->name, severity, texts.summary);
    }
}

static void
print_section (const char *heading,
               const char *text)
{
  g_print ("\n%s\n", heading);
  print_wrapped (text, 2, 78);
}

static void
print_check (CxCheckId check)
{
  const CxCheckInfo *info = cx_check_info (check);
  g_autofree char *severity = severities (info);
  CxCheckExplanation texts;

  cx_check_explain (check, &texts);

  g_print ("%s %s (%s)\n", info->id, info->name, severity);
  print_wrapped (texts.summary, 0, 78);
  print_section (_("What it looks for, exactly:"), texts.rule);
  print_section (_("Why it matters:"), texts.why);
  print_section (_("Where the idea comes from:"), texts.source);
  print_section (_("How a plan answers it:"), texts.answer);
}

int
cmd_explain (int    argc,
             char **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("[CHECK]") },
    { NULL }
  };
  g_autofree char *id = NULL;
  CxCheckId check;

  context = g_option_context_new (_("— what a check looks for, and why"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);

  if (rest == NULL || rest[0] == NULL)
    {
      print_list ();
      return EXIT_SUCCESS;
    }
  if (rest[1] != NULL)
    return usage_error (_("explain takes one check id at most, such as CX012"));

  /* cx012 is CX012: ids are not case-sensitive to a person typing them */
  id = g_ascii_strup (rest[0], -1);
  if (!cx_check_lookup (id, &check))
    return usage_error (_("unknown check “%s”: the checks are CX001 to CX%03d "
                          "(“%s explain” lists them)"),
                        rest[0], CX_N_CHECKS, program_name);

  print_check (check);
  return EXIT_SUCCESS;
}

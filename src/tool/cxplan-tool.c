/* cxplan-tool.c — CX Planner without a display: check, format, create, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line reads files through the same loader as the
 * application, so a file one refuses the other refuses with the same
 * message. Exit status, as checks.md says: 0 nothing at or above
 * --fail-on, 1 something is, 2 a file could not be read or was refused,
 * 64 a usage error.
 */

#define G_LOG_DOMAIN "cxplan-tool"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>

#include "cx-check.h"
#include "cx-format.h"
#include "cx-map.h"
#include "cx-model.h"
#include "cx-plan-io.h"
#include "cx-templates.h"

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

static void
print_usage (void)
{
  g_print (_("Usage:\n"
             "  %s check [--format=text|json|sarif] [--fail-on=error|warning|info|never]\n"
             "        [--show-accepted] FILE…\n"
             "  %s explain [CHECK]\n"
             "  %s fmt [--check] FILE…\n"
             "  %s new -o FILE [--template NAME] [--title TITLE] [--force]\n"
             "  %s new --list-templates\n"
             "  %s export FILE -o OUT [--scale S] [--phase PHASE] [--dark] [--high-contrast]\n"
             "\n"
             "Check, format, create and draw CX Planner plans (.cxplan) without a display.\n"
             "\n"
             "Commands:\n"
             "  check   Run the consistency checks on each plan and list the findings,\n"
             "          one a line as FILE:LINE: SEVERITY: MESSAGE [CHECK]; accepted findings\n"
             "          are counted apart, and listed with --show-accepted. --format=json\n"
             "          or --format=sarif (SARIF 2.1.0, for code-review tools) print one\n"
             "          document\n"
             "  explain Say what a check looks for, its rule, why it matters and how a\n"
             "          plan answers it; with no CHECK, list every check\n"
             "  fmt     Rewrite each plan in canonical form (--check: only list the\n"
             "          files that would change, and exit 1 if any would)\n"
             "  new     Write a new plan, blank or from a bundled template\n"
             "  export  Draw the journey map, with a title block and a legend, into OUT:\n"
             "          a PNG, SVG or PDF file as its name ends. --scale S: S pixels or\n"
             "          points a map unit (default 1); --phase before|during|after|recovery:\n"
             "          that phase alone; --dark: the dark style; --high-contrast: the\n"
             "          high contrast palette (black text, solid and thicker lines). A PDF\n"
             "          past 200 inches a side is cut between steps over pages, each with\n"
             "          the lane names\n"
             "\n"
             "Options:\n"
             "  -h, --help      Show this help\n"
             "  --version       Show the version\n"
             "\n"
             "A FILE of “-” is read from standard input.\n"
             "Exit status: 0 no finding at or above --fail-on (default: error); 1 there is one;\n"
             "2 a file could not be read or was refused; 64 the command line was wrong.\n"),
           program_name, program_name, program_name, program_name, program_name, program_name);
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

/* ------------------------------------------------------------------ */
/* fmt                                                                 */

static int
cmd_fmt (int    argc,
         char **argv)
{
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean check_only = FALSE;
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check_only,
      N_("Only list the files that are not in canonical form"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  gboolean refused = FALSE;
  gboolean would_change = FALSE;

  context = g_option_context_new (_("— rewrite plans in canonical form"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);
  if (files == NULL || files[0] == NULL)
    return usage_error (_("fmt needs at least one FILE"));

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(CxPlan) plan = NULL;
      g_autoptr(GBytes) canonical = NULL;
      g_autoptr(GBytes) current = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (strcmp (files[f], "-") == 0)
        {
          /* a filter: canonical form to standard output */
          plan = load_plan (files[f], FALSE);
          if (plan == NULL)
            {
              refused = TRUE;
              continue;
            }
          canonical = cx_plan_to_bytes (plan);
          fwrite (g_bytes_get_data (canonical, NULL), 1, g_bytes_get_size (canonical), stdout);
          continue;
        }

      file = g_file_new_for_commandline_arg (files[f]);
      plan = load_plan (files[f], FALSE);
      if (plan == NULL)
        {
          refused = TRUE;
          continue;
        }

      canonical = cx_plan_to_bytes (plan);
      if (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
        current = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (current != NULL && g_bytes_equal (current, canonical))
        continue;

      would_change = TRUE;
      if (check_only)
        {
          g_print ("%s\n", files[f]);
          continue;
        }

      if (!cx_plan_save_to_file (plan, file, NULL, &error))
        {
          g_printerr ("%s:0: error: %s\n", files[f], error->message);
          g_clear_error (&error);
          refused = TRUE;
        }
    }

  if (refused)
    return EXIT_REFUSED;
  return check_only && would_change ? EXIT_FINDINGS : EXIT_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* new                                                                 */

static void
list_templates (void)
{
  g_autoptr(GPtrArray) templates = cx_templates_list ();

  for (guint i = 0; i < templates->len; i++)
    g_print ("%s\n", ((CxTemplate *) g_ptr_array_index (templates, i))->name);
}

static int
cmd_new (int    argc,
         char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean force = FALSE;
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the plan"), N_("FILE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name,
      N_("Start from a bundled template (see --list-templates)"), N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The plan's title"), N_("TITLE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Overwrite FILE if it exists"), NULL },
    { "list-templates", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the bundled templates"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("— write a new plan"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);

  if (list)
    {
      list_templates ();
      return EXIT_SUCCESS;
    }
  if (rest != NULL && rest[0] != NULL)
    return usage_error (_("unexpected argument “%s”: name the new file with -o FILE"), rest[0]);
  if (output == NULL)
    return usage_error (_("new needs -o FILE"));

  plan = cx_template_new_plan (template_name != NULL ? template_name : CX_TEMPLATE_BLANK,
                               NULL, &error);
  if (plan == NULL)
    return usage_error (_("no template called “%s” (see --list-templates)"), template_name);

  if (title != NULL)
    cx_plan_set_title (plan, title);

  file = g_file_new_for_commandline_arg (output);
  if (!force && g_file_query_exists (file, NULL))
    {
      g_printerr (_("%s:0: error: the file exists already; use --force to replace it\n"), output);
      return EXIT_REFUSED;
    }

  if (!cx_plan_save_to_file (plan, file, NULL, &error))
    {
      g_printerr ("%s:0: error: %s\n", output, error->message);
      return EXIT_REFUSED;
    }

  return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* export                                                              */

#define MAX_EXPORT_SCALE 16.0

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *phase_text = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CxExportOptions options = { .scale = 1.0, .phase = -1, .dark = FALSE,
                              .high_contrast = FALSE };
  CxExportFormat format;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the map: a .png, .svg or .pdf file"), N_("OUT") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
      N_("Pixels (PNG) or points (SVG, PDF) a map unit; default 1"), "S" },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase_text,
      N_("Draw one phase alone: before, during, after or recovery"), N_("PHASE") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &options.dark, N_("Use the dark style"), NULL },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &options.high_contrast,
      N_("Use the high contrast palette"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("-o OUT — draw the journey map into a PNG, SVG or PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);

  if (files == NULL || files[0] == NULL)
    return usage_error (_("export needs a FILE to draw"));
  if (files[1] != NULL)
    return usage_error (_("export draws one FILE at a time; “%s” is one too many"), files[1]);
  if (output == NULL)
    return usage_error (_("export needs -o OUT"));
  if (!cx_export_format_from_path (output, &format))
    return usage_error (_("cannot tell the format of “%s”: name it .png, .svg or .pdf"),
                        output);
  if (!(options.scale > 0 && options.scale <= MAX_EXPORT_SCALE))
    return usage_error (_("--scale must be above 0 and at most %g"), MAX_EXPORT_SCALE);
  if (phase_text != NULL)
    {
      int phase;

      if (!cx_enum_from_nick (CX_TYPE_PHASE, phase_text, &phase))
        return usage_error (_("unknown phase “%s”: use before, during, after or recovery"),
                            phase_text);
      options.phase = phase;
    }

  plan = load_plan (files[0], FALSE);
  if (plan == NULL)
    return EXIT_REFUSED;

  findings = cx_check_plan (plan);
  if (!cx_map_export (plan, findings, output, format, &options, &error))
    {
      g_printerr ("%s: error: %s\n", program_name, error->message);
      return EXIT_REFUSED;
    }

  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  const char *command;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* CXPLAN_LOCALEDIR points an uninstalled run (and the tests) at a build
   * tree's catalogues, _build/po; installed runs use CX_LOCALEDIR. */
  localedir = g_getenv ("CXPLAN_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = CX_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return usage_error (_("no command given"));

  command = argv[1];

  if (strcmp (command, "--help") == 0 || strcmp (command, "-h") == 0 ||
      strcmp (command, "help") == 0)
    {
      print_usage ();
      return EXIT_SUCCESS;
    }
  if (strcmp (command, "--version") == 0)
    {
      g_print ("cxplan-tool %s (format %s)\n", PACKAGE_VERSION, CX_FORMAT_VERSION);
      return EXIT_SUCCESS;
    }

  /* Each command parses the rest, seeing its own name as argv[0] */
  argv[1] = g_strconcat (program_name, " ", command, NULL);

  if (strcmp (command, "check") == 0)
    return cmd_check (argc - 1, argv + 1);
  if (strcmp (command, "fmt") == 0)
    return cmd_fmt (argc - 1, argv + 1);
  if (strcmp (command, "new") == 0)
    return cmd_new (argc - 1, argv + 1);
  if (strcmp (command, "export") == 0)
    return cmd_export (argc - 1, argv + 1);
  if (strcmp (command, "explain") == 0)
    return cmd_explain (argc - 1, argv + 1);

  return usage_error (_("unknown command “%s”"), command);
}

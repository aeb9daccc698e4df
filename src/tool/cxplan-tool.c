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

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cx-check.h"
#include "cx-format.h"
#include "cx-model.h"
#include "cx-plan-io.h"
#include "cx-templates.h"

#include "cx-i18n.h"

#include "cxplan-tool-private.h"

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

#define EXPORT_HELPER "cxplan-tool-export"

/* export draws through cairo and pango, in a program of its own: linking
 * them here would cost every check a few milliseconds of loading
 * libraries it does not use (5.2 ms against 2.5 ms for --version). The
 * helper is CXPLAN_LIBEXECDIR's if that is set, else the one beside this
 * program (a build tree), else the installed one. */
static char *
find_export_helper (void)
{
  const char *dir = g_getenv ("CXPLAN_LIBEXECDIR");
  g_autofree char *self = NULL;

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, EXPORT_HELPER, NULL);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *here = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (here, EXPORT_HELPER, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (CX_LIBEXECDIR, EXPORT_HELPER, NULL);
}

static int
run_export (int    argc,
            char **argv)
{
  g_autofree char *helper = find_export_helper ();
  int saved;

  /* the helper takes the arguments as cmd_export() would */
  execv (helper, argv);
  saved = errno;
  g_printerr (_("%s: error: cannot run the map exporter %s: %s\n"), program_name, helper,
              g_strerror (saved));
  return EXIT_REFUSED;
}

int
main (int    argc,
      char **argv)
{
  const char *command;

  cx_i18n_init ();

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
    return run_export (argc - 1, argv + 1);
  if (strcmp (command, "explain") == 0)
    return cmd_explain (argc - 1, argv + 1);

  return usage_error (_("unknown command “%s”"), command);
}

/* cxplan-tool-export.c — cxplan-tool export, a program of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cxplan-tool runs this for its export command, with the arguments it
 * would have given the command: "cxplan-tool export" as argv[0], then the
 * command's own. It alone links the renderer (cairo, pango), whose
 * libraries cost the other commands' start-up.
 */

#define G_LOG_DOMAIN "cxplan-tool"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cx-check.h"
#include "cx-enum-types.h"
#include "cx-map.h"
#include "cx-model.h"

#include "cx-i18n.h"

#include "cxplan-tool-private.h"

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
  cx_i18n_init ();

  return cmd_export (argc, argv);
}

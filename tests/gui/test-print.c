/* test-print.c — printing the map through GTK, to PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's print operation exports to a PDF file (GtkPrintOperation's
 * export action, the same drawing as a printer's and the preview's), for
 * A4 in landscape and portrait, at actual size and fitted to the width.
 * The files are read back with poppler's pdfinfo and pdftotext when they
 * are installed (poppler-utils): the number of pages is the one the
 * operation laid out, and every page names the phases, the steps and the
 * lanes. The dialog's Map tab is driven through the signals the print
 * dialog emits, and the preview through GtkPrintOperationPreview.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cx-gui-test.h"
#include "cx-print-operation.h"

typedef struct
{
  GtkPageOrientation orientation;
  CxMapPrintScale    scale;
} PrintCase;

static CxPrintOperation *
new_operation (CxPlan             *plan,
               GPtrArray          *findings,
               GtkPageOrientation  orientation)
{
  CxPrintOperation *operation = cx_print_operation_new (plan, findings);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);

  return operation;
}

/* The output of a poppler tool, or NULL when it is not installed */
static char *
run_poppler (const char *const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *info = run_poppler ((const char *[]) { "pdfinfo", path, NULL });
  const char *pages;

  if (info == NULL)
    return 0;
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return run_poppler ((const char *[]) { "pdftotext", "-f", number, "-l", number, "-layout",
                                         path, "-", NULL });
}

/* Whether @text holds the kind of one of the sample's lanes, as the lane
 * names' column shows it */
static gboolean
names_a_lane (const char *text)
{
  static const char *const kinds[] = {
    "ACTIONS", "TOUCHPOINTS", "FRONTSTAGE", "BACKSTAGE", "SUPPORT", "NOTES", "EMOTION",
    "EXPECTATION", "FAILURES",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strstr (text, kinds[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_print_to_pdf (gconstpointer data)
{
  const PrintCase *print_case = data;
  g_autofree char *path = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autofree char *dir = g_dir_make_tmp ("cxplan-print-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(CxPlan) plan = cx_gui_test_read_plan (path);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(CxPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  CxMapPrint *pages;
  guint n_pages, n_in_file;
  int n_to_print = 0;

  operation = new_operation (plan, findings, print_case->orientation);
  cx_print_operation_set_scale (operation, print_case->scale);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), target);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  pages = cx_print_operation_get_pages (operation);
  g_assert_nonnull (pages);
  n_pages = cx_map_print_get_n_pages (pages);
  g_object_get (operation, "n-pages-to-print", &n_to_print, NULL);
  g_assert_cmpint (n_to_print, ==, n_pages);

  /* The 14 steps: on one page across (and the legend on another) fitted
   * to the width; at actual size, three or four steps a page across in
   * landscape, two in portrait */
  if (print_case->scale == CX_MAP_PRINT_FIT_WIDTH)
    g_assert_cmpuint (n_pages, ==, 2);
  else if (print_case->orientation == GTK_PAGE_ORIENTATION_LANDSCAPE)
    g_assert_cmpuint (n_pages, ==, 13);
  else
    g_assert_cmpuint (n_pages, ==, 15);

  n_in_file = count_pdf_pages (target);
  if (n_in_file == 0)
    {
      g_test_message ("no pdfinfo (poppler-utils): the file's pages are not read back");
    }
  else
    {
      g_assert_cmpuint (n_in_file, ==, n_pages);

      for (guint i = 0; i < n_pages; i++)
        {
          g_autofree char *text = page_text (target, i + 1);
          const CxMapPrintPage *page = cx_map_print_get_page (pages, i);

          g_assert_nonnull (text);
          if (page->shows_map)
            {
              /* the corner names the top rows, the lane names are there */
              g_assert_nonnull (strstr (text, "PHASE"));
              g_assert_nonnull (strstr (text, "STEP"));
              g_assert_nonnull (strstr (text, "steps"));    /* a band's "N steps" */
              g_assert_true (names_a_lane (text));
            }
          else
            {
              g_assert_nonnull (strstr (text, "PHASES"));   /* the legend */
            }

          /* the whole title on the first page, in its lines */
          if (i == 0)
            {
              g_assert_nonnull (strstr (text, "Upgrading a mobile contract"));
              g_assert_nonnull (strstr (text, "went wrong"));
            }
          else
            {
              g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

              g_assert_nonnull (strstr (text, number));
            }
        }
    }

  g_clear_object (&operation);
  g_unlink (target);
  g_rmdir (dir);
}

/* The Map tab of the print dialog: it shows the choice kept in the print
 * settings, and applying it keeps the new one there */
static void
test_print_map_tab (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autoptr(CxPlan) plan = cx_gui_test_read_plan (path);
  g_autoptr(CxPrintOperation) operation = NULL;
  g_autoptr(CxPrintOperation) next = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkWidget) tab = NULL;
  GtkCheckButton *actual, *fit;
  GtkPrintSettings *kept;

  operation = new_operation (plan, NULL, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpint (cx_print_operation_get_scale (operation), ==, CX_MAP_PRINT_ACTUAL_SIZE);

  /* settings kept from a print fitted to the width */
  gtk_print_settings_set (settings, "cxplan-map-scale", "fit-width");
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  g_assert_cmpint (cx_print_operation_get_scale (operation), ==, CX_MAP_PRINT_FIT_WIDTH);

  /* as the dialog asks for the tab */
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);
  actual = g_object_get_data (G_OBJECT (tab), "cx-actual-size");
  fit = g_object_get_data (G_OBJECT (tab), "cx-fit-width");
  g_assert_true (GTK_IS_CHECK_BUTTON (actual) && GTK_IS_CHECK_BUTTON (fit));
  g_assert_true (gtk_check_button_get_active (fit));
  g_assert_false (gtk_check_button_get_active (actual));
  g_assert_cmpstr (gtk_check_button_get_label (actual), ==, "_Actual size");
  g_assert_cmpstr (gtk_check_button_get_label (fit), ==, "_Fit to page width");

  /* the person chooses actual size; the dialog applies */
  gtk_check_button_set_active (actual, TRUE);
  g_assert_false (gtk_check_button_get_active (fit));
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_cmpint (cx_print_operation_get_scale (operation), ==, CX_MAP_PRINT_ACTUAL_SIZE);
  kept = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (gtk_print_settings_get (kept, "cxplan-map-scale"), ==, "actual-size");

  /* the next print, with the settings the window keeps, starts there */
  next = new_operation (plan, NULL, GTK_PAGE_ORIENTATION_LANDSCAPE);
  cx_print_operation_set_scale (next, CX_MAP_PRINT_FIT_WIDTH);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (next), kept);
  g_assert_cmpint (cx_print_operation_get_scale (next), ==, CX_MAP_PRINT_ACTUAL_SIZE);
}

typedef struct
{
  cairo_surface_t *surface;
  guint            rendered;
  gboolean         done;
} Preview;

static void
on_preview_ready (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  Preview                  *state)
{
  CxPrintOperation *operation = g_object_get_data (G_OBJECT (preview), "cx-operation");
  guint n = cx_map_print_get_n_pages (cx_print_operation_get_pages (operation));

  for (guint i = 0; i < n; i++)
    if (gtk_print_operation_preview_is_selected (preview, (int) i))
      {
        gtk_print_operation_preview_render_page (preview, (int) i);
        state->rendered++;
      }
  gtk_print_operation_preview_end_preview (preview);
  state->done = TRUE;
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            Preview                  *state)
{
  cairo_t *cr = cairo_create (state->surface);

  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  g_object_set_data (G_OBJECT (preview), "cx-operation", operation);
  g_signal_connect (preview, "ready", G_CALLBACK (on_preview_ready), state);
  return TRUE;
}

/* The preview is drawn by the same pages, every one of them */
static void
test_print_preview (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autoptr(CxPlan) plan = cx_gui_test_read_plan (path);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(CxPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  Preview state = { NULL, 0, FALSE };
  GtkPrintOperationResult result;

  state.surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842, 595);
  operation = new_operation (plan, findings, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), &state);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  WAIT_FOR (state.done);

  g_assert_cmpuint (state.rendered, ==,
                    cx_map_print_get_n_pages (cx_print_operation_get_pages (operation)));
  g_assert_cmpuint (state.rendered, ==, 13);
  cairo_surface_destroy (state.surface);
}

int
main (int   argc,
      char *argv[])
{
  static const PrintCase cases[] = {
    { GTK_PAGE_ORIENTATION_LANDSCAPE, CX_MAP_PRINT_ACTUAL_SIZE },
    { GTK_PAGE_ORIENTATION_LANDSCAPE, CX_MAP_PRINT_FIT_WIDTH },
    { GTK_PAGE_ORIENTATION_PORTRAIT, CX_MAP_PRINT_ACTUAL_SIZE },
    { GTK_PAGE_ORIENTATION_PORTRAIT, CX_MAP_PRINT_FIT_WIDTH },
  };

  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_data_func ("/cxplan/print/a4-landscape-actual-size", &cases[0], test_print_to_pdf);
  g_test_add_data_func ("/cxplan/print/a4-landscape-fit-width", &cases[1], test_print_to_pdf);
  g_test_add_data_func ("/cxplan/print/a4-portrait-actual-size", &cases[2], test_print_to_pdf);
  g_test_add_data_func ("/cxplan/print/a4-portrait-fit-width", &cases[3], test_print_to_pdf);
  g_test_add_func ("/cxplan/print/map-tab", test_print_map_tab);
  g_test_add_func ("/cxplan/print/preview", test_print_preview);

  return cx_gui_test_run ();
}

/* cx-test-render-util.h — what the renderer's test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plans to draw (the bundled samples, and generated ones of any size), a
 * temporary directory to export into, and checks of the files written.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "cx-model.h"

G_BEGIN_DECLS

/* The bundled samples by name, NULL-terminated */
extern const char *const cx_test_samples[];

char     *cx_test_sample_path    (const char              *name);
CxPlan   *cx_test_load_sample    (const char              *name);
CxPlan   *cx_test_make_plan      (guint                    n_steps);

gboolean  cx_test_rect_inside    (const cairo_rectangle_t *inner,
                                  const cairo_rectangle_t *outer);

/* A fixture: a temporary directory, emptied and removed after the test */
typedef struct
{
  char *dir;
} CxTestDir;

void      cx_test_dir_set_up     (CxTestDir               *fixture,
                                  gconstpointer            data);
void      cx_test_dir_tear_down  (CxTestDir               *fixture,
                                  gconstpointer            data);

/* The size of a one-page export at @scale: the map, at least as wide as
 * the legend needs, with the title block and legend */
double    cx_test_expected_width (CxPlan                  *plan,
                                  int                      phase,
                                  double                   scale);
double    cx_test_map_height     (CxPlan                  *plan);

void      cx_test_check_png      (const char              *path,
                                  double                   width,
                                  double                   min_height);
void      cx_test_check_svg      (const char              *path,
                                  double                   width,
                                  double                   min_height);
/* A PDF of one page this wide */
void      cx_test_check_pdf      (const char              *path,
                                  double                   width,
                                  double                   min_height);

/* A page of a PDF file as cairo writes it: its MediaBox */
typedef struct
{
  double width;
  double height;
} CxTestPdfPage;

/* (element-type CxTestPdfPage): the pages in the order of the file */
GArray   *cx_test_read_pdf_pages (const char              *path);

/* g_test_run(), then lets go of the fonts so that memcheck and
 * LeakSanitizer see only what the tests leak */
int       cx_test_render_run     (void);

G_END_DECLS

/* cx-gui-test.h — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One registered CxApplication a test program, real windows of it, and
 * ways to wait on the main loop for what a window does asynchronously.
 */

#pragma once

#include "cx-application.h"
#include "cx-window-private.h"

G_BEGIN_DECLS

#define CX_GUI_TEST_TIMEOUT_SECONDS 20

/* Iterates the main loop until @cond holds, failing after a while */
#define WAIT_FOR(cond)                                                        \
  G_STMT_START {                                                              \
    gint64 wait_end = g_get_monotonic_time () +                               \
                      CX_GUI_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;           \
    while (!(cond))                                                           \
      {                                                                       \
        if (g_get_monotonic_time () > wait_end)                               \
          g_error ("timed out waiting for %s", #cond);                        \
        if (!g_main_context_iteration (NULL, FALSE))                          \
          g_usleep (2000);                                                    \
      }                                                                       \
  } G_STMT_END

gboolean          cx_gui_test_init                (int                 *argc,
                                                   char              ***argv);
int               cx_gui_test_run                 (void);
CxApplication    *cx_gui_test_get_application     (void);

char             *cx_gui_test_sample_path         (const char          *name);
char             *cx_gui_test_bad_file_path       (const char          *name);
CxPlan           *cx_gui_test_read_plan           (const char          *path);
void              cx_gui_test_remove_tree         (const char          *path);
void              cx_gui_test_assert_file_holds   (GFile               *file,
                                                   CxPlan              *plan);

CxWindow         *cx_gui_test_new_window          (void);
CxWindow         *cx_gui_test_new_window_sized    (int                  width,
                                                   int                  height);
void              cx_gui_test_destroy_window      (CxWindow            *window);
CxDocument       *cx_gui_test_open_and_wait       (CxWindow            *window,
                                                   const char          *path,
                                                   CxDocumentLoadFlags  flags);
/* Retitles the plan shown, as the user would: one step of undo */
void              cx_gui_test_edit_title          (CxWindow            *window,
                                                   const char          *title);
void              cx_gui_test_wait_for_allocation (GtkWidget           *widget);
void              cx_gui_test_settle              (void);

GtkWidget        *cx_gui_test_find_row            (GtkWidget           *root,
                                                   GType                type,
                                                   const char          *title);
GtkWidget        *cx_gui_test_find_child          (GtkWidget           *root,
                                                   GType                type);
/* The findings panel's list (not the list in a filter's dropdown) */
GtkListView      *cx_gui_test_findings_list       (CxWindow            *window);
gboolean          cx_gui_test_has_focus_within    (CxWindow            *window,
                                                   GtkWidget           *widget);
void              cx_gui_test_type                (GtkEditable         *editable,
                                                   const char          *text);

/* Activates a window action, as its shortcut would, and lets GTK settle */
void              cx_gui_test_activate            (CxWindow            *window,
                                                   const char          *action,
                                                   GVariant            *parameter);
/* The first button under @root with this label (mnemonic included) and
 * this tooltip; either may be NULL for any */
GtkWidget        *cx_gui_test_find_button         (GtkWidget           *root,
                                                   const char          *label,
                                                   const char          *tooltip);
/* Clicks @button, which must be there and sensitive, and lets GTK settle */
void              cx_gui_test_click               (GtkWidget           *button);

/* The findings list (cx-gui-test-findings.c) */
CxWindow         *cx_gui_test_open_findings       (const char          *path);
gboolean          cx_gui_test_same_place          (const CxFinding     *a,
                                                   const CxFinding     *b);
GtkWidget        *cx_gui_test_finding_row         (CxWindow            *window,
                                                   const CxFinding     *like,
                                                   gboolean             accepted);
const CxFinding  *cx_gui_test_plan_finding        (CxWindow            *window,
                                                   CxCheckId            check,
                                                   const CxFinding     *like);
guint             cx_gui_test_n_listed_at         (CxWindow            *window,
                                                   const CxFinding     *like);
guint             cx_gui_test_n_listed            (CxWindow            *window,
                                                   CxCheckId            check);
gboolean          cx_gui_test_shows_label         (GtkWidget           *root,
                                                   const char          *text);

AdwMessageDialog *cx_gui_test_find_message_dialog (CxWindow            *window);
void              cx_gui_test_respond             (AdwMessageDialog    *dialog,
                                                   const char          *response);

G_END_DECLS

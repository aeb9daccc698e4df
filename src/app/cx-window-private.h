/* cx-window-private.h — what cx-window*.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CxWindow is split by concern (as GNOME Text Editor splits its window):
 * cx-window.c the document and the views, cx-window-actions.c what the
 * user can do, cx-window-dnd.c dropping files, cx-window-drafts.c the
 * drafts offered for recovery and the bar that says the file changed on
 * disk, cx-window-export.c the export chooser's type list and name. The
 * GUI tests use this
 * header too, to reach what a native file chooser would call.
 */

#pragma once

#include "cx-banner.h"
#include "cx-findings-panel.h"
#include "cx-map-view.h"
#include "cx-plan-properties.h"
#include "cx-step-panel.h"
#include "cx-window.h"

G_BEGIN_DECLS

struct _CxWindow
{
  AdwApplicationWindow  parent_instance;

  CxDocument           *document;
  GSettings            *settings;
  GCancellable         *cancellable;      /* the window's life */
  GCancellable         *load_cancellable;
  GtkPrintSettings     *print_settings;
  GtkPageSetup         *page_setup;
  guint                 loading;
  gboolean              close_confirmed;
  gboolean              show_side_panel;

  /* Template children */
  GtkWidget            *header_bar;
  GtkWidget            *open_label_button;
  GtkWidget            *open_icon_button;
  GtkWidget            *counts_box;
  GtkWidget            *compact_counts_box;
  GtkLabel             *compact_count_label;
  GtkImage             *compact_count_icon;
  AdwWindowTitle       *window_title;
  GtkWidget            *findings_button;
  GtkLabel             *error_count_label;
  GtkLabel             *warning_count_label;
  GtkLabel             *info_count_label;
  GtkWidget            *side_panel_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkListBox           *samples_list;
  GtkWidget            *samples_group;
  AdwFlap              *flap;
  CxMapView            *map_view;
  GtkPopover           *findings_popover;  /* nullable: a step's findings, over its badges */
  GtkWidget            *zoom_level_button;
  GtkStack             *side_stack;
  CxFindingsPanel      *findings_panel;
  CxStepPanel          *step_panel;
  GtkSearchBar         *find_bar;
  GtkSearchEntry       *find_entry;
  GtkLabel             *find_count_label;
  CxBanner             *file_banner;
  GtkWidget            *drafts_group;
  GtkListBox           *drafts_list;

  /* The width last allocated, which decides what folds */
  int                   width;
  guint                 width_source;

  /* What Ctrl+F found (element-type CxSearchMatch), and the one shown */
  GArray               *find_matches;
  guint                 find_index;

  /* The plan's editors and the persona shown (cx-window-properties.c) */
  CxPlanProperties     *plan_properties;  /* open over the window, or NULL */
  GtkWidget            *persona_squeezer; /* the switcher, or its icon when narrow */
  GtkDropDown          *persona_switcher;
  GtkMenuButton        *persona_menu_button;
  GMenu                *persona_menu_section; /* in the primary menu, when there is no room */
  gboolean              persona_switcher_syncing;
};

/* Called once when a save, a save-as or a question is over: @success
 * says whether the document may now be let go of (saved, or its changes
 * discarded). */
typedef void (*CxWindowDoneFunc) (CxWindow *self,
                                  gboolean  success,
                                  gpointer  user_data);

void _cx_window_class_actions_init  (CxWindowClass       *klass);
void _cx_window_actions_init        (CxWindow            *self);
void _cx_window_actions_update      (CxWindow            *self);
void _cx_window_set_action_enabled  (CxWindow            *self,
                                     const char          *name,
                                     gboolean             enabled);
void _cx_window_edit_actions_init   (CxWindow            *self);
void _cx_window_edit_actions_update (CxWindow            *self);
void _cx_window_show_step           (CxWindow            *self,
                                     gboolean             open_panel);
void _cx_window_find_init           (CxWindow            *self);
void _cx_window_regions_init        (CxWindow            *self);
void _cx_window_narrow_init         (CxWindow            *self);
void _cx_window_narrow_dispose      (CxWindow            *self);
void _cx_window_narrow_allocated    (CxWindow            *self,
                                     int                  width);
void _cx_window_narrow_update_counts (CxWindow           *self,
                                      const guint         counts[3]);
gboolean _cx_window_get_folded      (CxWindow            *self);
void _cx_window_reveal_side_panel   (CxWindow            *self,
                                     gboolean             reveal);
gboolean _cx_window_get_side_panel_revealed (CxWindow    *self);
void _cx_window_find_dispose        (CxWindow            *self);
void _cx_window_find_update         (CxWindow            *self);
void _cx_window_find_forget         (CxWindow            *self);
void _cx_window_dnd_init            (CxWindow            *self);
void _cx_window_class_drafts_init   (CxWindowClass       *klass);
void _cx_window_drafts_init         (CxWindow            *self);
void _cx_window_drafts_update       (CxWindow            *self);
void _cx_window_offer_drafts        (CxWindow            *self);
void _cx_window_replace_document    (CxWindow            *self,
                                     CxDocument          *document);
void _cx_window_properties_actions_init (CxWindow         *self);
void _cx_window_persona_switcher_sync (CxWindow           *self);
CxPlanProperties *_cx_window_get_plan_properties (CxWindow *self,
                                                  gboolean  create);
CxWindow *_cx_window_new_plan       (CxWindow            *self,
                                     const char          *template_name);
void _cx_window_show_new_document   (CxWindow            *self,
                                     CxDocument          *document);

void _cx_window_save_document       (CxWindow            *self,
                                     GFile               *file,
                                     CxDocumentSaveFlags  flags,
                                     CxWindowDoneFunc     done,
                                     gpointer             user_data);
void _cx_window_save_document_as    (CxWindow            *self,
                                     CxWindowDoneFunc     done,
                                     gpointer             user_data);
void _cx_window_confirm_discard     (CxWindow            *self,
                                     CxWindowDoneFunc     done,
                                     gpointer             user_data);
void _cx_window_export_to_file      (CxWindow            *self,
                                     GFile               *file,
                                     CxExportFormat       format);
void _cx_window_show_error          (CxWindow            *self,
                                     const char          *heading,
                                     const char          *body);
void _cx_window_show_toast          (CxWindow            *self,
                                     const char          *title);
void _cx_window_add_recent          (CxWindow            *self,
                                     GFile               *file);
void _cx_window_show_findings       (CxWindow            *self);

void _cx_window_fix_finding         (CxWindow            *self,
                                     const CxFinding     *finding);
void _cx_window_accept_finding      (CxWindow            *self,
                                     const CxFinding     *finding);
void _cx_window_stop_accepting      (CxWindow            *self,
                                     const CxFinding     *finding);
void _cx_window_show_step_findings  (CxWindow            *self,
                                     CxStep              *step);
void _cx_window_findings_dispose    (CxWindow            *self);
void _cx_window_on_finding_action   (CxWindow            *self,
                                     const CxFinding     *finding,
                                     const char          *action);
/* The export chooser's type list and file name (cx-window-export.c) */
char  *_cx_window_export_name              (const char          *name,
                                            CxExportFormat       format);
GFile *_cx_window_export_target            (GFile               *chosen,
                                            CxExportFormat       listed,
                                            gboolean             listed_by_user,
                                            CxExportFormat      *format);
GFile *_cx_window_export_chosen            (GtkFileChooser      *chooser,
                                            CxExportFormat      *format);
void   _cx_window_set_export_filter_format (GtkFileFilter       *filter,
                                            CxExportFormat       format);
/* The chooser's data: the filter it opened with */
#define CX_EXPORT_OPENED_FILTER "cx-opened-filter"
void   _cx_window_follow_export_filter     (CxWindow            *self,
                                            GtkFileChooser      *chooser);

G_END_DECLS

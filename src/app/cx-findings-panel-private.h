/* cx-findings-panel-private.h — what the findings panel's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cx-findings-filter.h"
#include "cx-findings-panel.h"

G_BEGIN_DECLS

/* The checks with findings fit in one word */
G_STATIC_ASSERT (CX_N_CHECKS <= 32);

/* Rows added to the slice at a time: a few screens' worth */
#define SLICE_STEP 40

struct _CxFindingsPanel
{
  AdwBin              parent_instance;

  GListStore         *store;
  GtkFilterListModel *filtered;  /* what the filters let through */
  GtkSliceListModel  *slice;
  GtkSingleSelection *selection;

  GtkStack           *stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  GtkDropDown        *severity_dropdown;
  GtkDropDown        *check_dropdown;
  GtkSearchBar       *search_bar;
  GtkEditable        *search_entry;
  GtkLabel           *none_match_label;
  GtkWidget          *clear_button;

  guint               grow_source;

  CxPlan             *plan;      /* for each finding's fix, and its step's persona */
  CxFindingsFilter    criteria;  /* what the list lets through */
  GtkCustomFilter    *filter;
  guint               n_active;  /* the store's findings before the accepted ones */

  /* The check dropdown: "All Checks", then the checks that have findings */
  GtkStringList      *checks;
  CxCheckId           check_ids[CX_N_CHECKS];
  guint32             checks_present;  /* a bit for each CxCheckId */
  gboolean            syncing_checks;
};

void     _cx_findings_panel_show_list_or_none  (CxFindingsPanel *self);
void     _cx_findings_panel_refilter           (CxFindingsPanel *self);
gboolean _cx_findings_panel_update_checks      (CxFindingsPanel *self,
                                                GPtrArray       *findings);
gboolean _cx_findings_panel_have_heading       (CxFindingsPanel *self);
void     _cx_findings_panel_init_check_dropdown (CxFindingsPanel *self);
gboolean _cx_findings_panel_reset_filters      (CxFindingsPanel *self);

/* The filter bar's template callbacks */
void     _cx_findings_panel_on_severity_selected (CxFindingsPanel *self);
void     _cx_findings_panel_on_check_selected    (CxFindingsPanel *self);
void     _cx_findings_panel_on_search_changed    (CxFindingsPanel *self);
void     _cx_findings_panel_on_clear_clicked     (CxFindingsPanel *self);

G_END_DECLS

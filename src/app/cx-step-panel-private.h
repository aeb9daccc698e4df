/* cx-step-panel-private.h — what cx-step-panel*.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CxStepPanel is split by concern: cx-step-panel.c the step's own fields,
 * its experience and its lanes; cx-step-panel-failures.c its failures and,
 * for a recovery step, the failures it answers.
 */

#pragma once

#include "cx-step-panel.h"

G_BEGIN_DECLS

typedef struct _FailureRows FailureRows;

struct _CxStepPanel
{
  AdwBin               parent_instance;

  CxHistory           *history;
  CxPlan              *plan;            /* the history's, watched */
  CxStep              *step;
  guint                sync_source;     /* puts the model's values in the widgets */
  guint                rebuild_source;  /* makes the rows of lanes and failures again */
  gboolean             syncing;         /* the panel sets its widgets: no edit from them */

  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkBox              *content_box;
  GtkLabel            *place_label;

  AdwPreferencesGroup *step_group;
  AdwEntryRow         *title_row;
  AdwComboRow         *channel_row;
  AdwEntryRow         *owner_row;
  AdwComboRow         *persona_row;
  GPtrArray           *persona_ids;     /* char *, NULL first: the persona row's choices */
  AdwComboRow         *evidence_row;
  GtkSwitch           *wow_switch;
  GtkSwitch           *moment_of_truth_switch;

  AdwPreferencesGroup *experience_group;
  AdwComboRow         *expected_row;
  AdwEntryRow         *expected_text_row;
  AdwComboRow         *delivered_row;
  AdwEntryRow         *delivered_text_row;
  AdwComboRow         *emotion_row;
  AdwEntryRow         *emotion_text_row;

  AdwPreferencesGroup *lanes_group;
  GPtrArray           *lane_rows;       /* AdwEntryRow, each with its CxLane as "cx-lane" */

  AdwPreferencesGroup *failures_group;
  GPtrArray           *failure_rows;    /* FailureRows */

  AdwPreferencesGroup *recovery_group;
  GPtrArray           *recovery_rows;   /* GtkWidget: the rows of the failures answered */
  GtkWidget           *answer_button;
  GtkSearchEntry      *answer_search;
  GtkListBox          *answer_list;
};

/* A text field that edits @property of @object as the user types */
AdwEntryRow *_cx_step_panel_text_row     (CxStepPanel *self,
                                          const char  *title,
                                          gpointer     object,
                                          const char  *property);
void         _cx_step_panel_set_row_text (CxStepPanel *self,
                                          AdwEntryRow *row,
                                          const char  *text);
void         _cx_step_panel_refused      (CxStepPanel *self,
                                          GtkWidget   *widget,
                                          GError      *error);
const char  *_cx_step_panel_step_name    (CxStep      *step);
void         _cx_step_panel_name_group_list (AdwPreferencesGroup *group,
                                             const char          *title);

void         _cx_step_panel_failures_init    (CxStepPanel *self);
void         _cx_step_panel_failures_dispose (CxStepPanel *self);
void         _cx_step_panel_failures_rebuild (CxStepPanel *self);
void         _cx_step_panel_failures_sync    (CxStepPanel *self);
gboolean     _cx_step_panel_failures_focus   (CxStepPanel *self,
                                              CxFailure   *failure);
void         _cx_step_panel_recovery_rebuild (CxStepPanel *self);

G_END_DECLS

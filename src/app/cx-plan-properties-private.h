/* cx-plan-properties-private.h — what cx-plan-properties*.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CxPlanProperties is split by concern: cx-plan-properties.c the window,
 * the plan's own fields; cx-plan-properties-checks.c the thresholds and
 * checks; cx-plan-properties-lists.c the lists the user reorders, of
 * lanes (cx-plan-properties-lanes.c) and personas (-personas.c).
 */

#pragma once

#include "cx-check.h"
#include "cx-format.h"
#include "cx-plan-properties.h"

G_BEGIN_DECLS

struct _CxPlanProperties
{
  AdwPreferencesWindow  parent_instance;

  CxHistory            *history;
  CxPlan               *plan;            /* the history's, watched */
  guint                 sync_source;     /* puts the model's values in the widgets */
  guint                 rebuild_source;  /* makes the lists of lanes and personas again */
  gboolean              syncing;         /* the window sets its widgets: no edit from them */
  GSimpleActionGroup   *actions;         /* "plan": undo, redo, adding */

  /* General */
  AdwPreferencesPage   *general_page;
  AdwEntryRow          *title_row;
  AdwEntryRow          *author_row;
  AdwActionRow         *created_row;
  GtkTextView          *description_view;

  /* Checks */
  AdwPreferencesPage   *checks_page;
  AdwPreferencesGroup  *thresholds_group;
  AdwPreferencesGroup  *checks_group;
  AdwPreferencesGroup  *unknown_checks_group;
  GtkSpinButton        *threshold_spins[CX_N_THRESHOLDS];
  GtkSwitch            *check_switches[CX_N_CHECKS];
  GPtrArray            *unknown_rows;    /* GtkWidget: the rows of checks this version lacks */

  /* Lanes and personas: a row a lane or persona, kept across rebuilds */
  AdwPreferencesPage   *lanes_page;
  GtkListBox           *lanes_list;
  GtkMenuButton        *add_lane_button;
  GHashTable           *lane_rows;       /* CxLane → AdwExpanderRow */
  AdwPreferencesPage   *personas_page;
  GtkListBox           *personas_list;
  GHashTable           *persona_rows;    /* CxPersona → AdwExpanderRow */
  GtkWidget            *reveal_row;      /* opened to edit: scrolled into view once open */
  guint                 reveal_source;
};

/* What a row of a lane or persona holds, as the row's "cx-item" */
typedef struct
{
  CxPlanProperties *self;          /* not owned: the window outlives its rows */
  GObject          *object;        /* the CxLane or CxPersona */
  AdwExpanderRow   *row;
  AdwEntryRow      *name_row;
  AdwActionRow     *place_row;
  GtkWidget        *up_button;
  GtkWidget        *down_button;
  GtkWidget        *delete_button;

  /* A lane's */
  AdwComboRow      *kind_row;
  GArray           *kinds;         /* CxLaneKind, the kind row's choices */

  /* A persona's */
  AdwEntryRow      *description_row;
  AdwComboRow      *mood_row;
} CxItemRow;

CxItemRow  *_cx_item_row_new                (CxPlanProperties *self,
                                             GObject          *object);
CxItemRow  *_cx_item_row_of                 (GtkWidget        *row);
void        _cx_item_row_free                (CxItemRow        *item);
AdwEntryRow *_cx_item_row_add_entry         (CxItemRow        *item,
                                             const char       *title,
                                             GCallback         changed);
AdwEntryRow *_cx_item_row_add_name          (CxItemRow        *item);
void        _cx_item_row_add_moving         (CxItemRow        *item);
void        _cx_item_row_add_delete         (CxItemRow        *item,
                                             const char       *title,
                                             const char       *subtitle);

/* The rows of each kind of item (cx-plan-properties-lanes.c, -personas.c) */
GtkWidget  *_cx_plan_properties_lane_row_new      (CxPlanProperties *self,
                                                   GObject          *object);
void        _cx_plan_properties_sync_lane_row     (CxItemRow        *item);
void        _cx_plan_properties_rebuild_add_lane_menu (CxPlanProperties *self);
GtkWidget  *_cx_plan_properties_persona_row_new   (CxPlanProperties *self,
                                                   GObject          *object);
void        _cx_plan_properties_sync_persona_row  (CxItemRow        *item);
/* Opens @row with its name ready to type, and brings it into view */
void        _cx_plan_properties_edit_row          (CxPlanProperties *self,
                                                   GtkWidget        *row);

void        _cx_plan_properties_checks_init  (CxPlanProperties *self);
void        _cx_plan_properties_checks_sync  (CxPlanProperties *self);
void        _cx_plan_properties_lists_init   (CxPlanProperties *self);
void        _cx_plan_properties_lists_clear  (CxPlanProperties *self);
void        _cx_plan_properties_lists_dispose (CxPlanProperties *self);
void        _cx_plan_properties_lists_sync   (CxPlanProperties *self);
void        _cx_plan_properties_lists_rebuild (CxPlanProperties *self);

/* Shows why the model does not take what a field holds, or clears it */
void        _cx_plan_properties_refused      (GtkWidget        *widget,
                                              const GError     *error);
/* Typing in a field is one step of undo, until the field is left */
void        _cx_plan_properties_watch_typing (CxPlanProperties *self,
                                              GtkWidget        *field);
void        _cx_plan_properties_set_row_text (CxPlanProperties *self,
                                              AdwEntryRow      *row,
                                              const char       *text);

G_END_DECLS

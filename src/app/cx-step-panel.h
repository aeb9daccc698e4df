/* cx-step-panel.h — the selected step's editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cx-history.h"
#include "cx-model.h"

G_BEGIN_DECLS

/* What cx_step_panel_focus() puts the keyboard in */
typedef enum
{
  CX_STEP_PANEL_FIELD_TITLE,
  CX_STEP_PANEL_FIELD_OWNER,
  CX_STEP_PANEL_FIELD_EXPECTED,
  CX_STEP_PANEL_FIELD_DELIVERED,
  CX_STEP_PANEL_FIELD_EMOTION,
  CX_STEP_PANEL_FIELD_FAILURE,   /* a failure's description */
  CX_STEP_PANEL_FIELD_RECOVERS,  /* the failures a recovery step answers */
  CX_STEP_PANEL_FIELD_LANE,      /* a lane's cell */
} CxStepPanelField;

#define CX_TYPE_STEP_PANEL (cx_step_panel_get_type ())
G_DECLARE_FINAL_TYPE (CxStepPanel, cx_step_panel, CX, STEP_PANEL, AdwBin)

GtkWidget  *cx_step_panel_new             (void);
void        cx_step_panel_set_history     (CxStepPanel      *self,
                                           CxHistory        *history);
CxStep     *cx_step_panel_get_step        (CxStepPanel      *self);
void        cx_step_panel_set_step        (CxStepPanel      *self,
                                           CxStep           *step);
const char *cx_step_panel_get_shown_title (CxStepPanel      *self);
/* @object: the failure for FAILURE, the lane for LANE, else NULL */
gboolean    cx_step_panel_focus           (CxStepPanel      *self,
                                           CxStepPanelField  field,
                                           gpointer          object);

G_END_DECLS

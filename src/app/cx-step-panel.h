/* cx-step-panel.h — the details of the selected step, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cx-model.h"

G_BEGIN_DECLS

#define CX_TYPE_STEP_PANEL (cx_step_panel_get_type ())
G_DECLARE_FINAL_TYPE (CxStepPanel, cx_step_panel, CX, STEP_PANEL, AdwBin)

GtkWidget  *cx_step_panel_new       (void);
CxStep     *cx_step_panel_get_step  (CxStepPanel *self);
void        cx_step_panel_set_step  (CxStepPanel *self,
                                     CxStep      *step);
const char *cx_step_panel_get_shown_title (CxStepPanel *self);

G_END_DECLS

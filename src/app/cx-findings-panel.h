/* cx-findings-panel.h — the findings of the checks, to go to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cx-check.h"
#include "cx-model.h"

G_BEGIN_DECLS

#define CX_TYPE_FINDINGS_PANEL (cx_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (CxFindingsPanel, cx_findings_panel, CX, FINDINGS_PANEL, AdwBin)

GtkWidget *cx_findings_panel_new            (void);
void       cx_findings_panel_set_findings   (CxFindingsPanel *self,
                                             GPtrArray       *findings);
void       cx_findings_panel_update_findings (CxFindingsPanel *self,
                                              GPtrArray       *findings);
void       cx_findings_panel_set_plan       (CxFindingsPanel *self,
                                             CxPlan          *plan);
guint      cx_findings_panel_get_n_findings (CxFindingsPanel *self);
const CxFinding *cx_findings_panel_get_finding (CxFindingsPanel *self,
                                                guint            index);
void       cx_findings_panel_set_persona    (CxFindingsPanel *self,
                                             CxPlan          *plan,
                                             const char      *persona_id);
gboolean   cx_findings_panel_activate_index (CxFindingsPanel *self,
                                             guint            index);
guint      cx_findings_panel_get_n_accepted (CxFindingsPanel *self);
void       cx_findings_panel_clear_filters  (CxFindingsPanel *self);
gboolean   cx_findings_panel_focus_list     (CxFindingsPanel *self);

G_END_DECLS

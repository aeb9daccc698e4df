/* cx-new-plan-dialog.h — choosing how a new plan starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CX_TYPE_NEW_PLAN_DIALOG (cx_new_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CxNewPlanDialog, cx_new_plan_dialog, CX, NEW_PLAN_DIALOG, AdwWindow)

CxNewPlanDialog *cx_new_plan_dialog_new          (GtkWindow       *parent);
const char      *cx_new_plan_dialog_get_template (CxNewPlanDialog *self);
gboolean         cx_new_plan_dialog_set_template (CxNewPlanDialog *self,
                                                  const char      *name);

G_END_DECLS

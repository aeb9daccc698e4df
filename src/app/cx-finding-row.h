/* cx-finding-row.h — one finding of the checks in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cx-check.h"
#include "cx-edit.h"
#include "cx-fix.h"

G_BEGIN_DECLS

#define CX_TYPE_FINDING_ROW (cx_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (CxFindingRow, cx_finding_row, CX, FINDING_ROW, AdwBin)

GtkWidget       *cx_finding_row_new         (void);
void             cx_finding_row_set_finding (CxFindingRow    *self,
                                             const CxFinding *finding);
const CxFinding *cx_finding_row_get_finding (CxFindingRow    *self);
const char      *cx_severity_icon_name      (CxSeverity       severity);

const char      *cx_finding_row_get_summary  (CxFindingRow    *self);
void             cx_finding_row_set_fix      (CxFindingRow    *self,
                                              CxFixKind        fix);
void             cx_finding_row_popup_menu   (CxFindingRow    *self);
void             cx_finding_row_set_heading  (CxFindingRow    *self,
                                              const char      *heading);

G_END_DECLS

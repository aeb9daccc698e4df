/* cx-print-operation.h — printing the journey map over pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cx-map.h"
#include "cx-model.h"

G_BEGIN_DECLS

#define CX_TYPE_PRINT_OPERATION (cx_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (CxPrintOperation, cx_print_operation, CX, PRINT_OPERATION,
                      GtkPrintOperation)

CxPrintOperation *cx_print_operation_new       (CxPlan           *plan,
                                                GPtrArray        *findings);
CxMapPrintScale   cx_print_operation_get_scale (CxPrintOperation *self);
void              cx_print_operation_set_scale (CxPrintOperation *self,
                                                CxMapPrintScale   scale);
CxMapPrint       *cx_print_operation_get_pages (CxPrintOperation *self);

G_END_DECLS

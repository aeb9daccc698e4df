/* cx-explain.h — what a check looks for, shown for one of its findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cx-check.h"

G_BEGIN_DECLS

char *cx_explain_markup (CxCheckId  check);
void  cx_explain_show   (GtkWindow *parent,
                         CxCheckId  check);

G_END_DECLS

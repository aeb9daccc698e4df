/* cx-application.h — CX Planner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cx-window.h"

G_BEGIN_DECLS

#define CX_TYPE_APPLICATION (cx_application_get_type ())
G_DECLARE_FINAL_TYPE (CxApplication, cx_application, CX, APPLICATION, AdwApplication)

CxApplication *cx_application_new                  (void);
CxWindow      *cx_application_find_window_for_file (CxApplication *self,
                                                    GFile         *file);

GListModel    *cx_application_get_drafts           (CxApplication *self);
void           cx_application_offer_draft          (CxApplication *self,
                                                    CxDraft       *draft);
void           cx_application_list_drafts          (CxApplication *self);
char          *cx_application_dup_help_uri         (CxApplication *self,
                                                    const char    *page);
char          *cx_application_dup_help_html_uri    (CxApplication *self,
                                                    const char    *page);
void           cx_application_show_help            (CxApplication *self,
                                                    GtkWindow     *parent,
                                                    const char    *page);

G_END_DECLS

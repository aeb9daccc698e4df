/* cx-window.h — a window showing one plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cx-document.h"

G_BEGIN_DECLS

#define CX_TYPE_WINDOW (cx_window_get_type ())
G_DECLARE_FINAL_TYPE (CxWindow, cx_window, CX, WINDOW, AdwApplicationWindow)

CxWindow   *cx_window_new          (GtkApplication      *application);
CxDocument *cx_window_get_document (CxWindow            *self);
void        cx_window_open_file    (CxWindow            *self,
                                    GFile               *file,
                                    CxDocumentLoadFlags  flags);
gboolean    cx_window_is_empty     (CxWindow            *self);
gboolean    cx_window_has_file     (CxWindow            *self,
                                    GFile               *file);
void        cx_window_recover_draft (CxWindow           *self,
                                     CxDraftStore       *store,
                                     CxDraft            *draft);

G_END_DECLS

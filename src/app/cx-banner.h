/* cx-banner.h — a bar under the header bar that says something and offers two answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CX_TYPE_BANNER (cx_banner_get_type ())
G_DECLARE_FINAL_TYPE (CxBanner, cx_banner, CX, BANNER, AdwBin)

GtkWidget  *cx_banner_new          (void);
const char *cx_banner_get_title    (CxBanner   *self);
void        cx_banner_set_title    (CxBanner   *self,
                                    const char *title);
gboolean    cx_banner_get_revealed (CxBanner   *self);
void        cx_banner_set_revealed (CxBanner   *self,
                                    gboolean    revealed);
GtkButton  *cx_banner_get_button   (CxBanner   *self,
                                    guint       index);

G_END_DECLS

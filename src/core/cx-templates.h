/* cx-templates.h — new plans: blank, or from a bundled template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The templates of data/templates/ are compiled into the core library, so
 * `cxplan-tool new` and the application's New Plan make the same plans
 * from the same list.
 */

#pragma once

#include <glib.h>

#include "cx-model.h"

G_BEGIN_DECLS

#define CX_TEMPLATE_ERROR (cx_template_error_quark ())

typedef enum
{
  CX_TEMPLATE_ERROR_NOT_FOUND,  /* no bundled template has that name */
} CxTemplateError;

GQuark cx_template_error_quark (void);

/* The name of the blank plan's template: every lane, no step */
#define CX_TEMPLATE_BLANK "blank"

typedef struct
{
  char *name;         /* what `cxplan-tool new --template` takes: "retail-visit" */
  char *title;        /* the template's own title; NULL for the blank plan */
  char *description;  /* nullable */
  guint n_steps;      /* how many steps it starts with */
} CxTemplate;

void        cx_template_free          (CxTemplate  *template_);
GPtrArray  *cx_templates_list         (void);
CxPlan     *cx_template_new_plan      (const char  *name,
                                       GDateTime   *now,
                                       GError     **error);

/* The name a new lane of @kind is given, translated ("Customer actions") */
const char *cx_lane_kind_default_name (CxLaneKind   kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxTemplate, cx_template_free)

G_END_DECLS

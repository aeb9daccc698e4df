/* cx-findings-filter.h — which findings the findings list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cx-check.h"
#include "cx-model.h"

G_BEGIN_DECLS

#define CX_FINDINGS_FILTER_ANY (-1)

/* What the user narrowed the list to, and the journey shown */
typedef struct
{
  int   severity;   /* a CxSeverity, or CX_FINDINGS_FILTER_ANY */
  int   check;      /* a CxCheckId, or CX_FINDINGS_FILTER_ANY */
  char *needle;     /* the search, case-folded; NULL for none */
  char *persona;    /* the journey shown; NULL for every persona's */
} CxFindingsFilter;

void     cx_findings_filter_init       (CxFindingsFilter *filter);
void     cx_findings_filter_clear      (CxFindingsFilter *filter);
gboolean cx_findings_filter_set_search (CxFindingsFilter *filter,
                                        const char       *text);
gboolean cx_findings_filter_narrows    (const CxFindingsFilter *filter);
gboolean cx_findings_filter_is_active  (const CxFindingsFilter *filter);
gboolean cx_findings_filter_match      (const CxFindingsFilter *filter,
                                        CxPlan                 *plan,
                                        const CxFinding        *finding);

G_END_DECLS

/* cx-names.h — the format's values in words a user reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One place for the names the editors and the map's description for
 * screen readers show: "4 · Good", "−2 · Frustrated", "Phone". Translated.
 */

#pragma once

#include "cx-model.h"

G_BEGIN_DECLS

const char *cx_name_phase    (CxPhase     phase);
const char *cx_name_channel  (CxChannel   channel);   /* CX_CHANNEL_NONE: "Not said" */
const char *cx_name_evidence (CxEvidence  evidence);  /* with what it means */
/* 0: "Not assessed"; 1..5: "1 · Very poor" … "5 · Excellent" */
const char *cx_name_level    (int         level);
/* "−3 · Furious" … "+3 · Delighted"; with @has FALSE, "Not set" */
const char *cx_name_emotion  (gboolean    has,
                              int         value);

G_END_DECLS

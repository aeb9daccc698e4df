/* cx-format.h — the one table of the format's names and limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader, the writer, the checks and the tests all take the format's
 * constants from here (the kinds and channels are the nicks of the enums in
 * cx-enums.h).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CX_NAMESPACE        "urn:cxplan:plan:1"
#define CX_FORMAT_MAJOR     1
#define CX_FORMAT_MINOR     1
#define CX_FORMAT_VERSION   "1.1"
#define CX_MIME_TYPE        "application/x-cxplan+xml"
#define CX_FILE_SUFFIX      ".cxplan"

/* Limits of what the reader accepts, to stay quick and bounded on hostile input */
#define CX_MAX_FILE_SIZE    (256u * 1024u * 1024u)
#define CX_MAX_DEPTH        64
/* libxml2 (2.9) compares each attribute of an element with every one
 * before it, and looks a prefix up through every namespace declaration in
 * scope: both grow with the square of what one element holds, so the
 * reader refuses an element with more attributes, or more declarations in
 * scope at once, than these (no real plan comes near). The writer never
 * writes more of either than it read. */
#define CX_MAX_ATTRIBUTES   256   /* on one element, declarations not counted */
#define CX_MAX_NAMESPACES   128   /* declarations in scope at once, the written root's included */
/* Content this version does not know (in other namespaces, or of a newer
 * minor version) is kept to be written back: at most this much of it, as
 * kept (about its size in the file). Extensions are metadata: a plan of
 * 50,000 steps with a 10-byte foreign attribute on each of its elements
 * keeps under 5 MiB; a file over the budget is mostly not a plan. */
#define CX_MAX_FOREIGN_SIZE (64u * 1024u * 1024u)
/* Warnings about one file beyond these are counted, not listed */
#define CX_MAX_WARNINGS     100

typedef enum
{
  CX_THRESHOLD_WOW_DROP,
  CX_THRESHOLD_EXPECTATION_GAP,
  CX_THRESHOLD_RPN,
  CX_THRESHOLD_SEVERITY,
  CX_THRESHOLD_WEAK_LINK,
  CX_THRESHOLD_HAND_OFF_DROP,     /* 1.1 */
  CX_THRESHOLD_SILENT_DETECTION,  /* 1.1 */
  CX_THRESHOLD_PREVENT_SEVERITY,  /* 1.1 */
  CX_N_THRESHOLDS
} CxThresholdId;

typedef struct
{
  const char *name;
  int         default_value;
  int         min;
  int         max;
  int         since_minor;  /* the minor version of the format that added it */
} CxThresholdInfo;

const CxThresholdInfo *cx_threshold_info        (CxThresholdId id);
const CxThresholdInfo *cx_threshold_info_lookup (const char   *name,
                                                 CxThresholdId *id);
/* "wow-drop, expectation-gap, …": every name, for messages (translated
 * "and" before the last) */
char                  *cx_threshold_names       (void);

G_END_DECLS

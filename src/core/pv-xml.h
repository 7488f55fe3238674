/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define PV_XML_ERROR (pv_xml_error_quark ())

typedef enum
{
  PV_XML_ERROR_TOO_LARGE,
  PV_XML_ERROR_EMPTY,
  PV_XML_ERROR_DTD,
  PV_XML_ERROR_ENCODING,
  PV_XML_ERROR_TRUNCATED,
  PV_XML_ERROR_MALFORMED,
  PV_XML_ERROR_NAMESPACE,
  PV_XML_ERROR_STRUCTURE,
} PvXmlError;

GQuark      pv_xml_error_quark        (void);

/* @attributes: name, value, name, value… %NULL; @text: the character data
 * since the element, or its last child, ended; @line: where it is. */
typedef struct
{
  gboolean (*start_element) (gpointer             user_data,
                             const char          *ns_uri,
                             const char          *name,
                             const char * const  *attributes,
                             int                  line,
                             GError             **error);
  gboolean (*end_element)   (gpointer             user_data,
                             const char          *ns_uri,
                             const char          *name,
                             const char          *text,
                             int                  line,
                             GError             **error);
} PvXmlHandlers;

xmlDoc     *pv_xml_read               (GBytes       *data,
                                       const char   *name,
                                       gsize         max_size,
                                       const char   *ns_uri,
                                       const char   *root_name,
                                       GError      **error);
gboolean    pv_xml_parse              (GBytes              *data,
                                       const char          *name,
                                       gsize                max_size,
                                       const char          *ns_uri,
                                       const char          *root_name,
                                       const PvXmlHandlers *handlers,
                                       gpointer             user_data,
                                       GError             **error);
GBytes     *pv_xml_load_file          (GFile        *file,
                                       gsize         max_size,
                                       GCancellable *cancellable,
                                       GError      **error);

gboolean    pv_xml_is_element         (xmlNode      *node,
                                       const char   *ns_uri,
                                       const char   *name);
xmlNode    *pv_xml_first_child        (xmlNode      *node,
                                       const char   *ns_uri,
                                       const char   *name);
xmlNode    *pv_xml_next_sibling       (xmlNode      *node,
                                       const char   *ns_uri,
                                       const char   *name);
char       *pv_xml_dup_attribute      (xmlNode      *node,
                                       const char   *name);
char       *pv_xml_dup_text           (xmlNode      *node);
char       *pv_xml_sanitize           (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS

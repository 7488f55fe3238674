/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "pv-sip.h"
#include "pv-validate.h"

/*
 * The SIP address engine.
 *
 * Generation rule for the <first name>.<last name> and <sAMAccountName>
 * formats, applied to each name on its own (docs/sip-addresses.md says the
 * same for administrators):
 *
 *  1. Transliterate to ASCII with ICU's "Any-Latin; Latin-ASCII"
 *     (Çağrı → Cagri, Иван → Ivan, Γιώργος → Giorgos, Nguyễn → Nguyen).
 *  2. Lower-case.
 *  3. Remove apostrophes: O'Brien → obrien, d'Artagnan → dartagnan.
 *  4. Turn spaces and hyphens into one hyphen, keep dots and underscores:
 *     "de la Fontaine" → de-la-fontaine, "Jean-Pierre" → jean-pierre.
 *     A run of separators becomes its first one; separators at either end
 *     are dropped.
 *  5. Remove every other character (symbols, emoji, what ICU could not
 *     transliterate).
 *
 * The two parts are joined with a dot.  A name that leaves nothing is a
 * problem reported for that person, never an empty or half address.
 *
 * The e-mail, userPrincipalName and explicit formats are not rewritten
 * beyond lower case: if the address they give is not acceptable, the
 * person gets a problem saying why and which formats would work.
 *
 * Duplicates are never renamed: the first person in the selection keeps
 * an address, later ones and anyone clashing with an address in use are
 * reported as duplicates with a suggested free alternative
 * (jean.dupont2@…).
 */

G_DEFINE_QUARK (pv-sip-error-quark, pv_sip_error)

/* A name longer than this cannot fit a 454-character URI whatever the
 * transliteration does; refusing early keeps hostile input cheap. */
#define MAX_SOURCE_BYTES (PV_SIP_URI_MAX_LENGTH * 4)
#define TRANSLIT_CACHE_MAX 65536
#define MAX_SUGGESTION_TRIES 10000

/* ICU transliterators are not thread-safe: one instance is opened on
 * first use and shared under this lock, together with a cache of the
 * names already seen (directories repeat given names and surnames a lot,
 * and ICU costs microseconds per call). */
static GMutex translit_lock;
static UTransliterator *translit;
static gboolean translit_unavailable;
static GHashTable *translit_cache;

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

static char *
icu_transliterate (const char *text)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0;
  int32_t capacity;
  int32_t limit;
  int32_t out_len = 0;
  g_autofree UChar *buf = NULL;
  char *out;

  u_strFromUTF8 (NULL, 0, &len, text, -1, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;

  for (capacity = len * 3 + 16; ; capacity *= 2)
    {
      int32_t text_len;

      g_free (buf);
      buf = g_new (UChar, capacity);
      status = U_ZERO_ERROR;
      u_strFromUTF8 (buf, capacity, &text_len, text, -1, &status);
      if (U_FAILURE (status))
        return NULL;
      limit = text_len;
      utrans_transUChars (translit, buf, &text_len, capacity, 0, &limit, &status);
      if (status == U_BUFFER_OVERFLOW_ERROR && capacity < G_MAXINT32 / 4)
        continue;
      if (U_FAILURE (status))
        return NULL;
      len = text_len;
      break;
    }

  status = U_ZERO_ERROR;
  u_strToUTF8 (NULL, 0, &out_len, buf, len, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;
  out = g_malloc (out_len + 1);
  status = U_ZERO_ERROR;
  u_strToUTF8 (out, out_len + 1, NULL, buf, len, &status);
  if (U_FAILURE (status))
    {
      g_free (out);
      return NULL;
    }
  return out;
}

/**
 * pv_sip_transliterate:
 * @text: (nullable): any text; invalid UTF-8 is repaired first
 *
 * Converts @text to Latin ASCII where ICU knows how.  Thread-safe.
 *
 * Returns: (transfer full): the transliterated text, never %NULL
 */
char *
pv_sip_transliterate (const char *text)
{
  g_autofree char *valid = NULL;
  char *result = NULL;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (is_ascii (text))
    return g_strdup (text);

  g_mutex_lock (&translit_lock);

  if (translit == NULL && !translit_unavailable)
    {
      UErrorCode status = U_ZERO_ERROR;
      UChar id[64];

      u_uastrcpy (id, "Any-Latin; Latin-ASCII");
      translit = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        {
          g_warning ("Cannot open the ICU transliterator: %s", u_errorName (status));
          translit = NULL;
          translit_unavailable = TRUE;
        }
      translit_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }

  if (translit != NULL)
    {
      const char *cached = g_hash_table_lookup (translit_cache, text);

      if (cached != NULL)
        result = g_strdup (cached);
      else
        {
          result = icu_transliterate (text);
          if (result != NULL)
            {
              if (g_hash_table_size (translit_cache) >= TRANSLIT_CACHE_MAX)
                g_hash_table_remove_all (translit_cache);
              g_hash_table_insert (translit_cache, g_strdup (text), g_strdup (result));
            }
        }
    }

  g_mutex_unlock (&translit_lock);

  /* Without ICU data, GLib's conversion is the best left: it loses
   * non-Latin scripts, but what it cannot convert is then removed by the
   * generation rule and reported, not put in an address. */
  if (result == NULL)
    result = g_str_to_ascii (text, "C");

  return result;
}

/**
 * pv_sip_user_part_from_name:
 * @name: (nullable): a first name, last name or sAMAccountName
 *
 * Applies the generation rule described at the top of this file.
 *
 * Returns: (transfer full): the user part, possibly empty
 */
char *
pv_sip_user_part_from_name (const char *name)
{
  g_autofree char *ascii = pv_sip_transliterate (name);
  GString *out = g_string_sized_new (strlen (ascii));
  char pending = 0;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        {
          if (pending != 0 && out->len > 0)
            g_string_append_c (out, pending);
          pending = 0;
          g_string_append_c (out, c);
        }
      else if (c == '\'' || c == '`')
        continue;
      else if (c == ' ' || c == '\t' || c == '-')
        {
          if (pending == 0)
            pending = '-';
        }
      else if (c == '.' || c == '_')
        {
          if (pending == 0)
            pending = c;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * pv_sip_normalize_address:
 * @address: (nullable): an address with or without "sip:", any case
 *
 * Returns: (transfer full) (nullable): "sip:" and the address in lower
 *   case, or %NULL for an empty address
 */
char *
pv_sip_normalize_address (const char *address)
{
  g_autofree char *copy = NULL;
  const char *rest;

  if (address == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (address));
  rest = copy;
  if (g_ascii_strncasecmp (rest, "sip:", 4) == 0)
    rest += 4;
  if (*rest == '\0')
    return NULL;

  {
    g_autofree char *lower = g_ascii_strdown (rest, -1);
    return g_strconcat ("sip:", lower, NULL);
  }
}

gboolean
pv_sip_format_needs_domain (PvSipFormat format)
{
  return format == PV_SIP_FORMAT_FIRST_LAST || format == PV_SIP_FORMAT_SAM;
}

/**
 * pv_sip_format_get_label:
 *
 * Returns: the translated label of the option, as the Enable Users
 *   wizard words it
 */
const char *
pv_sip_format_get_label (PvSipFormat format)
{
  /* One wording for the formats, shared with every other enum label. */
  return pv_enum_get_label (PV_TYPE_SIP_FORMAT, format);
}

const char *
pv_sip_format_get_short_name (PvSipFormat format)
{
  switch (format)
    {
    case PV_SIP_FORMAT_EMAIL:
      return _("e-mail address");
    case PV_SIP_FORMAT_UPN:
      return _("userPrincipalName");
    case PV_SIP_FORMAT_FIRST_LAST:
      return _("first name.last name");
    case PV_SIP_FORMAT_SAM:
      return _("sAMAccountName");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pv_sip_formats_to_string:
 * @formats: a mask of 1 << #PvSipFormat
 *
 * Returns: (transfer full): the short names, comma separated
 */
char *
pv_sip_formats_to_string (guint formats)
{
  GString *s = g_string_new (NULL);

  for (guint f = 0; f < PV_SIP_N_FORMATS; f++)
    if ((formats & (1u << f)) != 0)
      {
        if (s->len > 0)
          /* Translators: separates the items of a list of formats. */
          g_string_append (s, C_("list separator", ", "));
        g_string_append (s, pv_sip_format_get_short_name (f));
      }

  return g_string_free (s, FALSE);
}

G_DEFINE_BOXED_TYPE (PvSipResult, pv_sip_result, pv_sip_result_copy, pv_sip_result_free)

PvSipResult *
pv_sip_result_copy (const PvSipResult *result)
{
  PvSipResult *copy = g_new0 (PvSipResult, 1);

  copy->status = result->status;
  copy->address = g_strdup (result->address);
  copy->problem = result->problem != NULL ? g_error_copy (result->problem) : NULL;
  copy->suggestion = g_strdup (result->suggestion);
  copy->working_formats = result->working_formats;
  copy->hint = g_strdup (result->hint);
  return copy;
}

void
pv_sip_result_free (PvSipResult *result)
{
  if (result == NULL)
    return;
  g_free (result->address);
  g_clear_error (&result->problem);
  g_free (result->suggestion);
  g_free (result->hint);
  g_free (result);
}

const char *
pv_sip_result_get_message (const PvSipResult *result)
{
  return result->problem != NULL ? result->problem->message : NULL;
}

struct _PvSipEngine
{
  GObject parent_instance;

  /* NULL: any syntactically valid domain is accepted (the command line
   * without --domain); otherwise the deployment's SIP domains. */
  GHashTable *domains;
  char *default_domain;
  GHashTable *existing;
};

G_DEFINE_FINAL_TYPE (PvSipEngine, pv_sip_engine, G_TYPE_OBJECT)

static void
pv_sip_engine_finalize (GObject *object)
{
  PvSipEngine *self = (PvSipEngine *) object;

  g_clear_pointer (&self->domains, g_hash_table_unref);
  g_clear_pointer (&self->default_domain, g_free);
  g_clear_pointer (&self->existing, g_hash_table_unref);

  G_OBJECT_CLASS (pv_sip_engine_parent_class)->finalize (object);
}

static void
pv_sip_engine_class_init (PvSipEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_sip_engine_finalize;
}

static void
pv_sip_engine_init (PvSipEngine *self)
{
  self->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * pv_sip_engine_new:
 *
 * An engine is not thread-safe; use one per thread.
 */
PvSipEngine *
pv_sip_engine_new (void)
{
  return g_object_new (PV_TYPE_SIP_ENGINE, NULL);
}

/**
 * pv_sip_engine_set_domains:
 * @domains: (nullable): the SIP domains of the deployment; %NULL accepts
 *   any domain, an empty array none
 *
 * The first domain is the one offered when a hint needs a domain.
 */
void
pv_sip_engine_set_domains (PvSipEngine        *self,
                           const char * const *domains)
{
  g_return_if_fail (PV_IS_SIP_ENGINE (self));

  g_clear_pointer (&self->domains, g_hash_table_unref);
  g_clear_pointer (&self->default_domain, g_free);

  if (domains == NULL)
    return;

  self->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; domains[i] != NULL; i++)
    {
      char *lower = g_ascii_strdown (domains[i], -1);

      g_strstrip (lower);
      if (self->default_domain == NULL)
        self->default_domain = g_strdup (lower);
      g_hash_table_add (self->domains, lower);
    }
}

gboolean
pv_sip_engine_has_domain (PvSipEngine *self,
                          const char  *domain)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (PV_IS_SIP_ENGINE (self), FALSE);

  if (domain == NULL || *domain == '\0')
    return FALSE;
  if (self->domains == NULL)
    return TRUE;
  lower = g_ascii_strdown (domain, -1);
  return g_hash_table_contains (self->domains, g_strstrip (lower));
}

void
pv_sip_engine_clear_existing (PvSipEngine *self)
{
  g_return_if_fail (PV_IS_SIP_ENGINE (self));

  g_hash_table_remove_all (self->existing);
}

void
pv_sip_engine_add_existing (PvSipEngine *self,
                            const char  *address)
{
  char *normalized;

  g_return_if_fail (PV_IS_SIP_ENGINE (self));

  normalized = pv_sip_normalize_address (address);
  if (normalized != NULL)
    g_hash_table_add (self->existing, normalized);
}

gboolean
pv_sip_engine_is_existing (PvSipEngine *self,
                           const char  *address)
{
  g_autofree char *normalized = pv_sip_normalize_address (address);

  g_return_val_if_fail (PV_IS_SIP_ENGINE (self), FALSE);

  return normalized != NULL && g_hash_table_contains (self->existing, normalized);
}

static gboolean
is_empty (const char *s)
{
  if (s == NULL)
    return TRUE;
  while (g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

static PvSipResult *
problem (int         code,
         const char *message)
{
  PvSipResult *result = g_new0 (PvSipResult, 1);

  result->status = PV_SIP_STATUS_PROBLEM;
  result->problem = g_error_new_literal (PV_SIP_ERROR, code, message);
  return result;
}

static PvSipResult *
too_long (void)
{
  g_autofree char *message =
    /* Translators: %d is the limit, 454. */
    g_strdup_printf (_("The SIP address would be longer than %d characters, “sip:” included; "
                       "shorten the name or type an address."), PV_SIP_URI_MAX_LENGTH);
  return problem (PV_SIP_ERROR_TOO_LONG, message);
}

/* Checks a complete candidate and turns it into a result. */
static PvSipResult *
check_candidate (PvSipEngine *self,
                 const char  *candidate)
{
  g_autoptr(GError) error = NULL;
  PvSipResult *result;
  const char *at;

  if (!pv_validate_sip_uri (candidate, &error))
    {
      int code = PV_SIP_ERROR_INVALID_ADDRESS;

      if (g_error_matches (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_REFUSED_CHARACTER))
        code = PV_SIP_ERROR_REFUSED_CHARACTER;
      else if (g_error_matches (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_LONG) &&
               g_utf8_strlen (candidate, -1) > PV_SIP_URI_MAX_LENGTH)
        code = PV_SIP_ERROR_TOO_LONG;
      return problem (code, error->message);
    }

  at = strrchr (candidate, '@');
  if (!pv_sip_engine_has_domain (self, at + 1))
    {
      g_autofree char *message =
        /* Translators: %s is a domain such as contoso.com. */
        g_strdup_printf (_("“%s” is not one of the SIP domains of the deployment; check the "
                           "spelling or choose another format."), at + 1);
      return problem (PV_SIP_ERROR_UNKNOWN_DOMAIN, message);
    }

  result = g_new0 (PvSipResult, 1);
  result->status = PV_SIP_STATUS_OK;
  result->address = g_strdup (candidate);
  return result;
}

static PvSipResult *
from_address (PvSipEngine *self,
              const char  *address)
{
  g_autofree char *candidate = NULL;

  if (strlen (address) > MAX_SOURCE_BYTES)
    return too_long ();
  candidate = pv_sip_normalize_address (address);
  return check_candidate (self, candidate);
}

static PvSipResult *
from_names (PvSipEngine *self,
            const char  *domain,
            const char  *first,
            const char  *second)
{
  g_autofree char *first_part = NULL;
  g_autofree char *second_part = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *lower_domain = NULL;

  if (is_empty (domain))
    return problem (PV_SIP_ERROR_NO_DOMAIN,
                    _("Choose the SIP domain this format puts after the “@”."));

  if (!pv_sip_engine_has_domain (self, domain))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not one of the SIP domains of the deployment; check the "
                           "spelling or choose another format."), domain);
      return problem (PV_SIP_ERROR_UNKNOWN_DOMAIN, message);
    }

  if (strlen (first) > MAX_SOURCE_BYTES || (second != NULL && strlen (second) > MAX_SOURCE_BYTES))
    return too_long ();

  first_part = pv_sip_user_part_from_name (first);
  if (*first_part == '\0')
    {
      g_autofree char *message =
        /* Translators: %s is a name from the directory. */
        g_strdup_printf (_("The name “%s” has no letter or digit that can go into a SIP "
                           "address."), first);
      return problem (PV_SIP_ERROR_NOTHING_USABLE, message);
    }

  if (second != NULL)
    {
      second_part = pv_sip_user_part_from_name (second);
      if (*second_part == '\0')
        {
          g_autofree char *message =
            g_strdup_printf (_("The name “%s” has no letter or digit that can go into a SIP "
                               "address."), second);
          return problem (PV_SIP_ERROR_NOTHING_USABLE, message);
        }
    }

  lower_domain = g_ascii_strdown (domain, -1);
  g_strstrip (lower_domain);
  if (second_part != NULL)
    candidate = g_strconcat ("sip:", first_part, ".", second_part, "@", lower_domain, NULL);
  else
    candidate = g_strconcat ("sip:", first_part, "@", lower_domain, NULL);

  if (g_utf8_strlen (candidate, -1) > PV_SIP_URI_MAX_LENGTH)
    return too_long ();

  return check_candidate (self, candidate);
}

static PvSipResult *
compute (PvSipEngine       *self,
         PvSipFormat        format,
         const char        *domain,
         const PvSipPerson *person,
         gboolean           use_explicit)
{
  if (use_explicit && !is_empty (person->explicit_address))
    return from_address (self, person->explicit_address);

  switch (format)
    {
    case PV_SIP_FORMAT_EMAIL:
      if (is_empty (person->mail))
        return problem (PV_SIP_ERROR_NO_EMAIL, _("This person has no e-mail address."));
      return from_address (self, person->mail);

    case PV_SIP_FORMAT_UPN:
      if (is_empty (person->user_principal_name))
        return problem (PV_SIP_ERROR_NO_UPN, _("This person has no userPrincipalName."));
      return from_address (self, person->user_principal_name);

    case PV_SIP_FORMAT_FIRST_LAST:
      if (is_empty (person->given_name) && is_empty (person->surname))
        return problem (PV_SIP_ERROR_NO_NAMES,
                        _("This person has neither a first name nor a last name."));
      if (is_empty (person->given_name))
        return problem (PV_SIP_ERROR_NO_GIVEN_NAME, _("This person has no first name."));
      if (is_empty (person->surname))
        return problem (PV_SIP_ERROR_NO_SURNAME, _("This person has no last name."));
      return from_names (self, domain, person->given_name, person->surname);

    case PV_SIP_FORMAT_SAM:
      if (is_empty (person->sam_account_name))
        return problem (PV_SIP_ERROR_NO_SAM, _("This person has no sAMAccountName."));
      return from_names (self, domain, person->sam_account_name, NULL);

    default:
      return problem (PV_SIP_ERROR_INVALID_ADDRESS, _("Choose one of the four address formats."));
    }
}

static void
add_hint (PvSipEngine       *self,
          PvSipFormat        format,
          const char        *domain,
          const PvSipPerson *person,
          PvSipResult       *result)
{
  /* A missing or mistyped domain is not the person's fault: the hint
   * then says what the default domain would give. */
  const char *hint_domain = !is_empty (domain) && pv_sip_engine_has_domain (self, domain)
                            ? domain : self->default_domain;

  result->working_formats = 0;
  for (guint f = 0; f < PV_SIP_N_FORMATS; f++)
    {
      g_autoptr(PvSipResult) other = NULL;

      if (f == format && is_empty (person->explicit_address) && hint_domain == domain)
        continue;
      other = compute (self, f, hint_domain, person, FALSE);
      if (other->status == PV_SIP_STATUS_OK)
        result->working_formats |= 1u << f;
    }

  if (result->working_formats != 0)
    {
      g_autofree char *list = pv_sip_formats_to_string (result->working_formats);

      /* Translators: %s is a list of formats such as “userPrincipalName, sAMAccountName”. */
      result->hint = g_strdup_printf (_("Formats that would work for this person: %s."), list);
    }
  else
    {
      result->hint = g_strdup (_("No format works for this person: type an address for them "
                                 "or complete their directory entry."));
    }
}

/**
 * pv_sip_engine_address_for:
 * @domain: (nullable): the SIP domain for the formats that need one
 *
 * The address of one person, checked against the known domains and the
 * addresses in use, but not against a selection.
 *
 * Returns: (transfer full): the result
 */
PvSipResult *
pv_sip_engine_address_for (PvSipEngine       *self,
                           PvSipFormat        format,
                           const char        *domain,
                           const PvSipPerson *person)
{
  g_autoptr(GPtrArray) results = NULL;

  g_return_val_if_fail (PV_IS_SIP_ENGINE (self), NULL);
  g_return_val_if_fail (person != NULL, NULL);

  results = pv_sip_engine_resolve (self, format, domain, person, 1);
  return g_ptr_array_steal_index (results, 0);
}

static const char *
person_label (const PvSipPerson *person)
{
  if (!is_empty (person->display_name))
    return person->display_name;
  if (!is_empty (person->id))
    return person->id;
  return "?";
}

/* @next remembers, per address, the number to try first, so that a long
 * chain of namesakes costs one probe each rather than one per earlier
 * namesake. */
static char *
suggest (GHashTable *taken,
         GHashTable *next,
         const char *address)
{
  const char *at = strrchr (address, '@');
  g_autofree char *user = g_strndup (address, at - address);
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (next, address));

  for (guint n = MAX (first, 2); n < MAX_SUGGESTION_TRIES; n++)
    {
      char *candidate = g_strdup_printf ("%s%u%s", user, n, at);

      if (g_utf8_strlen (candidate, -1) > PV_SIP_URI_MAX_LENGTH)
        {
          g_free (candidate);
          break;
        }
      if (!g_hash_table_contains (taken, candidate))
        {
          g_hash_table_insert (next, g_strdup (address), GUINT_TO_POINTER (n + 1));
          g_hash_table_add (taken, candidate);
          return g_strdup (candidate);
        }
      g_free (candidate);
    }

  g_hash_table_insert (next, g_strdup (address), GUINT_TO_POINTER (MAX_SUGGESTION_TRIES));
  return NULL;
}

/**
 * pv_sip_engine_resolve:
 * @domain: (nullable): the SIP domain for the formats that need one
 * @people: (array length=n_people): the selection, in order
 *
 * Computes every person's address, then finds the duplicates: against
 * the addresses in use, and within the selection where the first person
 * keeps the address.  Each duplicate gets a suggestion that is free
 * everywhere, including against the other suggestions.
 *
 * Returns: (transfer full) (element-type PvSipResult): one result per
 *   person, in the same order
 */
GPtrArray *
pv_sip_engine_resolve (PvSipEngine       *self,
                       PvSipFormat        format,
                       const char        *domain,
                       const PvSipPerson *people,
                       gsize              n_people)
{
  g_autoptr(GHashTable) first_holder = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GHashTable) next = NULL;
  GPtrArray *results;

  g_return_val_if_fail (PV_IS_SIP_ENGINE (self), NULL);
  g_return_val_if_fail (people != NULL || n_people == 0, NULL);

  results = g_ptr_array_new_full (n_people, (GDestroyNotify) pv_sip_result_free);
  first_holder = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n_people; i++)
    {
      const PvSipPerson *person = &people[i];
      PvSipResult *result = compute (self, format, domain, person, TRUE);
      g_autofree char *current = NULL;
      gpointer holder;

      g_ptr_array_add (results, result);

      if (result->status != PV_SIP_STATUS_OK)
        {
          add_hint (self, format, domain, person, result);
          continue;
        }

      current = pv_sip_normalize_address (person->current_address);
      if (g_strcmp0 (current, result->address) != 0 &&
          g_hash_table_contains (self->existing, result->address))
        {
          g_autofree char *message =
            /* Translators: %s is a SIP address. */
            g_strdup_printf (_("The address %s is already in use by someone else."),
                             result->address);
          result->status = PV_SIP_STATUS_DUPLICATE;
          result->problem = g_error_new_literal (PV_SIP_ERROR, PV_SIP_ERROR_DUPLICATE, message);
        }
      else if (g_hash_table_lookup_extended (first_holder, result->address, NULL, &holder))
        {
          const PvSipPerson *other = &people[GPOINTER_TO_SIZE (holder)];
          g_autofree char *message =
            /* Translators: %s is the name of another person in the selection. */
            g_strdup_printf (_("%s, earlier in the selection, gets the same address."),
                             person_label (other));
          result->status = PV_SIP_STATUS_DUPLICATE;
          result->problem = g_error_new_literal (PV_SIP_ERROR, PV_SIP_ERROR_DUPLICATE, message);
        }
      else
        g_hash_table_insert (first_holder, result->address, GSIZE_TO_POINTER (i));
    }

  /* Suggestions come second so that none of them takes an address that a
   * later person in the selection gets naturally. */
  for (gsize i = 0; i < n_people; i++)
    {
      PvSipResult *result = g_ptr_array_index (results, i);

      if (result->status != PV_SIP_STATUS_DUPLICATE)
        continue;

      if (taken == NULL)
        {
          GHashTableIter iter;
          gpointer key;

          taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_iter_init (&iter, self->existing);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (taken, g_strdup (key));
          for (gsize j = 0; j < n_people; j++)
            {
              PvSipResult *r = g_ptr_array_index (results, j);
              if (r->address != NULL)
                g_hash_table_add (taken, g_strdup (r->address));
            }
        }

      result->suggestion = suggest (taken, next, result->address);
      if (result->suggestion != NULL)
        /* Translators: %s is a SIP address. */
        result->hint = g_strdup_printf (_("%s is free and could be used instead."),
                                        result->suggestion);
      else
        result->hint = g_strdup (_("No free address was found by adding a number; type one "
                                   "for this person."));
    }

  return results;
}

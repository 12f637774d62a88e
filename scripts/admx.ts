/**
 * Group Policy templates for Windows admins: kban.admx with its en-US and es-ES kban.adml, written
 * from public/managed_schema.json (English titles and descriptions) and the Spanish texts below.
 * Each policy writes one of kban's managed settings under Chrome's and Edge's 3rdparty extension key
 * (HKLM\Software\Policies\{Google\Chrome,Microsoft\Edge}\3rdparty\extensions\<id>\policy), as the
 * .reg samples do: strings as REG_SZ, true/false and numbers as REG_DWORD.
 *
 * Regenerate after changing the schema: `npm run admx` (writes docs/policies/admx/). The schema parity
 * test fails while the files differ from what this renders, or when a key lacks its Spanish text.
 * @module
 */

export const CHROME_EXTENSION_ID = 'nnlcbcdhgclnjnneohgonnciomnldjmb';

/** A key of public/managed_schema.json. */
export interface SchemaProperty {
  title: string;
  description: string;
  type: 'string' | 'boolean' | 'integer';
}

/** The browsers the templates cover, each with its own category and registry key. */
export const BROWSERS = [
  { id: 'chrome', key: `Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`, name: { en: 'Google Chrome', es: 'Google Chrome' } },
  { id: 'edge', key: `Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`, name: { en: 'Microsoft Edge', es: 'Microsoft Edge' } },
] as const;

type Language = 'en' | 'es';

/** Choices shown as a drop-down list (the values parsePolicy accepts), with their labels. */
const CHOICES: Record<string, Array<{ value: string; en: string; es: string }>> = {
  region: [
    { value: 'auto', en: 'Automatic: the user\'s answer, else the time zone (default)', es: 'Automático: la respuesta del usuario o, si no, la zona horaria (predeterminado)' },
    { value: 'us', en: 'Covered: a US organisation (staff abroad included)', es: 'Cubiertos: una organización de EE. UU. (incluido el personal en el extranjero)' },
    { value: 'non-us', en: 'Not covered: kban stays quiet', es: 'No cubiertos: kban no muestra nada' },
  ],
  enforcement: [
    { value: 'warn', en: 'Warn: a notice above the page (default)', es: 'Avisar: un aviso encima de la página (predeterminado)' },
    { value: 'block', en: 'Block: a block screen, and installer downloads stopped', es: 'Bloquear: una pantalla de bloqueo, y las descargas de instaladores detenidas' },
    { value: 'off', en: 'Off: nothing is shown', es: 'Desactivado: no se muestra nada' },
  ],
};

/** Limits of number and text boxes (as parsePolicy checks them). */
const LIMITS: Record<string, { min?: number; max?: number; maxLength?: number }> = {
  proceedMinutes: { min: 1, max: 1440 },
  organizationName: { maxLength: 100 },
  supportMessage: { maxLength: 500 },
  supportUrl: { maxLength: 2048 },
  reportUrl: { maxLength: 2048 },
};

/** Spanish title and description of every schema key (the English ones are the schema's). */
export const SPANISH: Record<string, { title: string; description: string }> = {
  region: {
    title: 'A quién cubre la prohibición',
    description:
      'Si la prohibición de EE. UU. de 2024 sobre el software de Kaspersky cubre a los usuarios de estos navegadores (personas en EE. UU. y personas estadounidenses en cualquier lugar). "us": cubiertos, diga lo que diga la zona horaria del equipo (para organizaciones de EE. UU., incluido el personal de viaje en el extranjero). "non-us": no cubiertos, la extensión no muestra nada. "auto" (predeterminado): lo decide la respuesta del propio usuario o, si no, la zona horaria del equipo.',
  },
  enforcement: {
    title: 'Qué ocurre en una página de compra o descarga de Kaspersky',
    description:
      '"warn" (predeterminado): un aviso encima de la página explica la prohibición. "block": la página queda cubierta por una pantalla de bloqueo, y el navegador detiene las descargas de instaladores desde los servidores de descarga de Kaspersky. "off": no se muestra nada. Los servicios exentos (Kaspersky Threat Intelligence, Security Training) solo reciben una nota informativa.',
  },
  allowDismiss: {
    title: 'Permitir a los usuarios ocultar el aviso en un sitio',
    description: 'true (predeterminado): los usuarios pueden cerrar el aviso en un sitio. false: el aviso se muestra siempre. No tiene efecto en el modo de bloqueo.',
  },
  allowProceed: {
    title: 'Permitir a los usuarios continuar tras la pantalla de bloqueo',
    description:
      'false (predeterminado): no hay forma de pasar la pantalla de bloqueo. true: la pantalla de bloqueo ofrece "Continuar de todos modos" durante el tiempo fijado en proceedMinutes (la página muestra entonces el aviso, y los informes registran la visita). Las descargas de instaladores siguen bloqueadas por el navegador en ambos casos.',
  },
  proceedMinutes: {
    title: 'Cuánto dura "Continuar de todos modos" (minutos)',
    description: 'Minutos que un usuario puede usar un sitio después de elegir "Continuar de todos modos" en su pantalla de bloqueo. Número entero de 1 a 1440; predeterminado 60. Solo se usa cuando allowProceed es true.',
  },
  organizationName: {
    title: 'Nombre de la organización',
    description: 'El nombre de su organización, que aparece en el aviso, en la pantalla de bloqueo y en la ventana emergente ("Mensaje de ACME Corp:"). Hasta 100 caracteres. Vacío (predeterminado): no se muestra.',
  },
  supportMessage: {
    title: 'Mensaje para los usuarios',
    description: 'Un mensaje breve que aparece en el aviso, en la pantalla de bloqueo y en la ventana emergente; por ejemplo, qué software de seguridad usar en su lugar y a quién preguntar. Texto sin formato, hasta 500 caracteres.',
  },
  supportUrl: {
    title: 'Enlace para los usuarios',
    description: 'Un enlace http(s) que aparece como "Las indicaciones de su organización" en el aviso, en la pantalla de bloqueo y en la ventana emergente; por ejemplo, su página de software de seguridad aprobado. Vacío (predeterminado): sin enlace.',
  },
  reportUrl: {
    title: 'Dirección de los informes',
    description:
      'Una URL http(s) que recibe un evento JSON por cada visita marcada, bloqueada o exenta (POST, Content-Type text/plain;charset=UTF-8; el servidor debe responder a CORS con Access-Control-Allow-Origin). Los eventos esperan en el navegador y se reintentan mientras el servidor no responde. Vacío (predeterminado): nunca se envía nada. El formato de los eventos está en docs/enterprise.md.',
  },
  reportPageUrl: {
    title: 'Incluir la dirección de la página en los informes',
    description: 'false (predeterminado): los informes solo nombran el sitio (nombre de host). true: los informes llevan también la dirección completa de la página (sin nombres de usuario ni contraseñas, que siempre se quitan).',
  },
  reportPageQuery: {
    title: 'Incluir la consulta de la dirección en los informes',
    description:
      'false (predeterminado): la dirección de la página de los informes va sin su consulta (?…), que puede llevar identificadores o direcciones de correo. true: la consulta se incluye. El fragmento (#…) nunca se envía. Solo tiene efecto con reportPageUrl.',
  },
  reportKasperskyActive: {
    title: 'Informar de indicios de software de Kaspersky activo',
    description:
      "true: cuando se ve en funcionamiento la protección web de Kaspersky en el equipo (su script aparece inyectado en una página de un sitio cubierto), se envía un evento 'kban.kaspersky-active/1' a reportUrl (esquema, id, hora, sitio, versión de la extensión): una vez al verlo por primera vez y, después, como mucho una vez por semana mientras se siga viendo. Necesita reportUrl. false (predeterminado): nunca.",
  },
  searchResults: {
    title: 'Marcar los resultados de Kaspersky en las búsquedas web',
    description: 'true: los resultados de compra y descarga de Kaspersky se marcan en Google, Bing y DuckDuckGo (se pide una vez a los usuarios acceso a esos sitios). false: nunca. Sin configurar: decide el usuario.',
  },
  suppressFirstRun: {
    title: 'No abrir la página de bienvenida',
    description: 'true: no se abre ninguna página de bienvenida al instalar la extensión (recomendado en instalaciones forzadas). false (predeterminado): la página de bienvenida se abre una vez tras la instalación.',
  },
  allSites: {
    title: 'Comprobar las páginas de Kaspersky en todos los sitios',
    description:
      'true: kban comprueba también las páginas de sitios sin regla propia, pero solo aquellas cuya dirección o título nombra a Kaspersky (o un paquete de aplicación de Kaspersky). Tiene efecto allí donde kban tiene acceso a todos los sitios: instale el paquete para organizaciones (acceso concedido al instalar) o deje que los usuarios lo permitan una vez en las opciones. false: solo los sitios de la lista. Sin configurar: decide el usuario.',
  },
};

const TEXT = {
  en: {
    displayName: 'kban policy templates',
    description: 'Settings of the kban browser extension (Kaspersky ban notices) for Google Chrome and Microsoft Edge.',
    category: 'kban (Kaspersky ban notices)',
    supported: (browser: string) => `${browser} with the kban extension (${CHROME_EXTENSION_ID})`,
    booleanNote: 'Enabled: true. Disabled: false. Not configured: the default.',
  },
  es: {
    displayName: 'Plantillas de directiva de kban',
    description: 'Configuración de la extensión kban (avisos de la prohibición de Kaspersky) para Google Chrome y Microsoft Edge.',
    category: 'kban (avisos de la prohibición de Kaspersky)',
    supported: (browser: string) => `${browser} con la extensión kban (${CHROME_EXTENSION_ID})`,
    booleanNote: 'Habilitada: verdadero. Deshabilitada: falso. Sin configurar: el valor predeterminado.',
  },
} as const;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One schema key's policy element, for one browser. */
function policyXml(browser: (typeof BROWSERS)[number], key: string, property: SchemaProperty): string {
  const head = `    <policy name="${browser.id}_${key}" class="Machine" displayName="$(string.${key})" explainText="$(string.${key}_Explain)"`;
  const placement = `      <parentCategory ref="kban_${browser.id}" />\n      <supportedOn ref="SUPPORTED_${browser.id}" />`;
  if (property.type === 'boolean') {
    return `${head} key="${browser.key}" valueName="${key}">\n${placement}\n      <enabledValue><decimal value="1" /></enabledValue>\n      <disabledValue><decimal value="0" /></disabledValue>\n    </policy>`;
  }
  const limits = LIMITS[key] ?? {};
  let element: string;
  if (CHOICES[key]) {
    const items = CHOICES[key]!.map((choice) => `          <item displayName="$(string.${key}_${choice.value.replace(/\W/g, '_')})"><value><string>${escape(choice.value)}</string></value></item>`);
    element = `        <enum id="${key}" valueName="${key}" required="true">\n${items.join('\n')}\n        </enum>`;
  } else if (property.type === 'integer') {
    element = `        <decimal id="${key}" valueName="${key}" required="true"${limits.min !== undefined ? ` minValue="${limits.min}"` : ''}${limits.max !== undefined ? ` maxValue="${limits.max}"` : ''} />`;
  } else {
    element = `        <text id="${key}" valueName="${key}"${limits.maxLength ? ` maxLength="${limits.maxLength}"` : ''} />`;
  }
  return `${head} presentation="$(presentation.${key})" key="${browser.key}">\n${placement}\n      <elements>\n${element}\n      </elements>\n    </policy>`;
}

/** kban.admx for every key of the schema, for Chrome and Edge. */
export function renderAdmx(properties: Record<string, SchemaProperty>): string {
  const policies = BROWSERS.flatMap((browser) => Object.entries(properties).map(([key, property]) => policyXml(browser, key, property)));
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Written by scripts/admx.ts from public/managed_schema.json (npm run admx); do not edit by hand. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="kban" namespace="Kban.Policies.Kban" />
    <using prefix="windows" namespace="Microsoft.Policies.Windows" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
${BROWSERS.map((browser) => `      <definition name="SUPPORTED_${browser.id}" displayName="$(string.SUPPORTED_${browser.id})" />`).join('\n')}
    </definitions>
  </supportedOn>
  <categories>
    <category name="kban" displayName="$(string.kban)" />
${BROWSERS.map((browser) => `    <category name="kban_${browser.id}" displayName="$(string.kban_${browser.id})">\n      <parentCategory ref="kban" />\n    </category>`).join('\n')}
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
}

/** The kban.adml of one language: every string and presentation kban.admx refers to. */
export function renderAdml(properties: Record<string, SchemaProperty>, language: Language): string {
  const text = TEXT[language];
  const strings: Array<[string, string]> = [
    ['kban', text.category],
    ...BROWSERS.map((browser): [string, string] => [`kban_${browser.id}`, browser.name[language]]),
    ...BROWSERS.map((browser): [string, string] => [`SUPPORTED_${browser.id}`, text.supported(browser.name[language])]),
  ];
  const presentations: string[] = [];
  for (const [key, property] of Object.entries(properties)) {
    const words = language === 'en' ? property : SPANISH[key];
    if (!words) throw new Error(`scripts/admx.ts: no Spanish title and description for the policy key "${key}": add it to SPANISH`);
    const explain = property.type === 'boolean' ? `${words.description}\n\n${text.booleanNote}` : words.description;
    strings.push([key, words.title], [`${key}_Explain`, explain]);
    for (const choice of CHOICES[key] ?? []) strings.push([`${key}_${choice.value.replace(/\W/g, '_')}`, choice[language]]);
    if (property.type === 'boolean') continue;
    const label = escape(words.title);
    const limits = LIMITS[key] ?? {};
    if (CHOICES[key]) presentations.push(`      <presentation id="${key}">\n        <dropdownList refId="${key}" noSort="true" defaultItem="0">${label}</dropdownList>\n      </presentation>`);
    else if (property.type === 'integer') presentations.push(`      <presentation id="${key}">\n        <decimalTextBox refId="${key}"${limits.min !== undefined ? ` defaultValue="${limits.min}"` : ''}>${label}</decimalTextBox>\n      </presentation>`);
    else presentations.push(`      <presentation id="${key}">\n        <textBox refId="${key}">\n          <label>${label}</label>\n        </textBox>\n      </presentation>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Written by scripts/admx.ts from public/managed_schema.json (npm run admx); do not edit by hand. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>${escape(text.displayName)}</displayName>
  <description>${escape(text.description)}</description>
  <resources>
    <stringTable>
${strings.map(([id, value]) => `      <string id="${id}">${escape(value)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** The files under docs/policies/admx/, by path, from the schema's properties. */
export function renderTemplates(properties: Record<string, SchemaProperty>): Record<string, string> {
  return {
    'kban.admx': renderAdmx(properties),
    'en-US/kban.adml': renderAdml(properties, 'en'),
    'es-ES/kban.adml': renderAdml(properties, 'es'),
  };
}

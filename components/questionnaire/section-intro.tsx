import { isExtensionId } from "@/lib/questionnaires/extension/ids";

type TProps = {
  section: { id: string; title: string; description?: string };
  orgName: string;
  /** h2 in the portal; h3 where the section sits inside a card (the admin's preview). */
  level: 2 | 3;
  titleId?: string;
};

/** A section's title and introduction, as the portal shows it (an own section says whose). */
export function SectionIntro({ section, orgName, level, titleId }: TProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div>
      <Heading id={titleId} className="text-xl font-semibold">
        {section.title}
      </Heading>
      {isExtensionId(section.id) && (
        <p className="mt-1 text-sm text-slate-600">Questions of {orgName}'s own.</p>
      )}
      {section.description && <p className="mt-1 text-sm text-slate-600">{section.description}</p>}
    </div>
  );
}

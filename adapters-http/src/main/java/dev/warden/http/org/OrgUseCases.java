package dev.warden.http.org;

import dev.warden.application.port.in.AddOrgUseCase;
import dev.warden.application.port.in.ChangeOrgStateUseCase;
import dev.warden.application.port.in.GetMyOrgUseCase;
import dev.warden.application.port.in.GetOrgByIdUseCase;
import dev.warden.application.port.in.ListOrgsUseCase;
import dev.warden.application.port.in.RemoveOrgUseCase;
import dev.warden.application.port.in.UpdateOrgUseCase;

/** The organization use cases behind the org routes of the management and admin APIs. */
public record OrgUseCases(GetMyOrgUseCase getMyOrg, AddOrgUseCase addOrg, UpdateOrgUseCase updateOrg,
                          ChangeOrgStateUseCase changeOrgState, RemoveOrgUseCase removeOrg,
                          GetOrgByIdUseCase getOrgById, ListOrgsUseCase listOrgs) {
}
